// The distribution point works from the keyboard alone: after a household is shown, "Hand over
// all" has the focus (Enter records it); after a handover or a refusal, the code input is
// emptied of the code just sent and focused for the next card. Only what was sent is removed:
// on a slow laptop the next card may be scanned or typed before the answer arrives.
(function () {
  var sent = null;
  function rememberSent() {
    var code = document.getElementById("id_code");
    if (code) { sent = code.value; }
  }
  function focusNext() {
    var handAll = document.getElementById("hand-all");
    if (handAll) { handAll.focus(); return; }
    var code = document.getElementById("id_code");
    if (!code) { return; }
    if (sent && code.value.indexOf(sent) === 0) {
      code.value = code.value.slice(sent.length);
    } else if (sent === null) {
      code.value = "";
    }
    sent = null;
    code.focus();
  }
  document.addEventListener("htmx:beforeRequest", rememberSent);
  document.addEventListener("htmx:afterSettle", focusNext);
  document.addEventListener("DOMContentLoaded", focusNext);
})();
