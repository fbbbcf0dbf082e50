// Scalar's configuration module for /api/docs (ApiDocsSetup). Scalar's page template names no language; the page is English.
document.documentElement.lang = 'en';

export default {};
