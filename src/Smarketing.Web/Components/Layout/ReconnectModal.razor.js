// Shows the reconnect dialog while the circuit is lost and reloads the page when the server no longer knows it
// (after a restart). The .NET 9 client script Smarketing serves never raises "components-reconnect-state-changed";
// it toggles CSS classes on the dialog instead, so those classes are mapped onto the same handler below.
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);

const retryButton = document.getElementById("components-reconnect-button");
retryButton.addEventListener("click", retry);

const resumeButton = document.getElementById("components-resume-button");
resumeButton.addEventListener("click", resume);

const legacyStates = {
    "components-reconnect-show": "show",
    "components-reconnect-hide": "hide",
    "components-reconnect-failed": "failed",
    "components-reconnect-rejected": "rejected",
};
new MutationObserver(() => {
    for (const [cssClass, state] of Object.entries(legacyStates)) {
        if (reconnectModal.classList.contains(cssClass)) {
            handleReconnectStateChanged({ detail: { state } });
            return;
        }
    }
}).observe(reconnectModal, { attributes: true, attributeFilter: ["class"] });

function handleReconnectStateChanged(event) {
    if (event.detail.state === "show") {
        if (!reconnectModal.open) {
            reconnectModal.showModal();
        }
    } else if (event.detail.state === "hide") {
        reconnectModal.close();
    } else if (event.detail.state === "failed") {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    } else if (event.detail.state === "rejected") {
        location.reload();
    }
}

// Blazor.resumeCircuit exists only in the .NET 10 script.
async function tryResume() {
    return typeof Blazor.resumeCircuit === "function" && await Blazor.resumeCircuit();
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    try {
        const successful = await Blazor.reconnect();
        if (!successful) {
            // The server is back but has forgotten this circuit (it restarted): start afresh.
            if (!await tryResume()) {
                location.reload();
            } else {
                reconnectModal.close();
            }
        }
    } catch (err) {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    }
}

async function resume() {
    try {
        if (!await tryResume()) {
            location.reload();
        }
    } catch {
        reconnectModal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
