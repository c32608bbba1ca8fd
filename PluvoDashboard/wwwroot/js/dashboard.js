// Small browser helpers the dashboard calls through JS interop. No inline script, so a strict
// Content-Security-Policy can forbid eval and inline code.
window.pluvoDashboard = {
    // The browser's IANA time zone, e.g. "Europe/Amsterdam", so dates can be shown in local time.
    timeZone: function () {
        return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    },

    copyText: async function (text) {
        await navigator.clipboard.writeText(text);
    }
};
