// The ticket page's knowledge panel: a button marked data-kb-insert="<markdown>" writes that text into its form's
// message box at the cursor (in place of a selection; at the end if the agent has not been in the box; an article's
// content as a paragraph of its own), puts the cursor after it and says so in #kb-announce, politely.
// data-kb-use="<url>" is posted with the form's antiforgery token to count the use. Without this script the buttons
// post the reply form, which comes back with the text added.
(function () {
  "use strict";
  // Boosted navigation runs the page's script again each visit; listen once.
  if (window.rapportArticles) return;
  window.rapportArticles = true;

  function paragraph(before, text, after) {
    var lead = before === "" || /\n\n$/.test(before) ? "" : /\n$/.test(before) ? "\n" : "\n\n";
    var tail = after === "" || /^\n\n/.test(after) ? "" : /^\n/.test(after) ? "\n" : "\n\n";
    return lead + text + tail;
  }

  function insert(area, button) {
    var text = button.getAttribute("data-kb-insert");
    // Until the agent has been in the box its cursor is at the start; the end is where they would want it then.
    var placed = area.hasAttribute("data-kb-caret");
    var before = area.value.slice(0, placed ? area.selectionStart : area.value.length);
    var after = placed ? area.value.slice(area.selectionEnd) : "";
    if (button.hasAttribute("data-kb-block")) text = paragraph(before, text, after);
    area.value = before + text + after;
    area.focus();
    area.setSelectionRange(before.length + text.length, before.length + text.length);
    // As if typed: the tone hints and "is typing" follow the message box's input events.
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function announce(message) {
    var status = document.getElementById("kb-announce");
    if (!status || !message) return;
    status.textContent = "";
    setTimeout(function () { status.textContent = message; }, 50);
  }

  function count(button, form) {
    var url = button.getAttribute("data-kb-use");
    var token = form.querySelector("input[name='__RequestVerificationToken']");
    if (!url || !token) return;
    fetch(url, { method: "POST", credentials: "same-origin", body: new URLSearchParams({ __RequestVerificationToken: token.value }) });
  }

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("textarea[data-composer]")) event.target.setAttribute("data-kb-caret", "");
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-kb-insert]");
    var form = button && button.form;
    var area = form && form.querySelector("textarea[data-composer]");
    if (!area) return;
    event.preventDefault();
    insert(area, button);
    announce(button.getAttribute("data-kb-inserted"));
    count(button, form);
  });
})();
