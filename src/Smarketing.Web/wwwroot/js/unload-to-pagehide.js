// The .NET 9 Blazor script registers a window 'unload' listener, which Chromium reports as deprecated;
// 'pagehide' fires at the same moment and keeps the back/forward cache usable.
(function () {
    const add = window.addEventListener;
    window.addEventListener = function (type, listener, options) {
        return add.call(this, type === "unload" ? "pagehide" : type, listener, options);
    };
})();
