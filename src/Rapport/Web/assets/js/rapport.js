// Rapport's small client layer: keyboard shortcuts. Everything here is a convenience; every
// action also works as a plain link or form.
(function () {
  "use strict";

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function rows() {
    return Array.from(document.querySelectorAll("[data-ticket-row]"));
  }

  function select(index) {
    var list = rows();
    if (list.length === 0) return;
    var current = list.findIndex(function (r) { return r.classList.contains("selected"); });
    list.forEach(function (r) { r.classList.remove("selected"); r.removeAttribute("aria-selected"); });
    var next = Math.max(0, Math.min(list.length - 1, (current < 0 ? -1 : current) + index));
    var row = list[next];
    row.classList.add("selected");
    row.setAttribute("aria-selected", "true");
    var link = row.querySelector("a.subject");
    if (link) link.focus();
  }

  function focusComposer(kind) {
    var field = document.querySelector("[data-composer='" + kind + "']");
    if (field) { field.scrollIntoView({ block: "center" }); field.focus(); }
  }

  // "Select all" ticks every row's box; without JavaScript each box is ticked by hand.
  document.addEventListener("change", function (event) {
    var all = event.target.closest && event.target.closest("[data-select-all]");
    if (!all) return;
    var form = all.closest("form");
    if (!form) return;
    form.querySelectorAll("input[name='Numbers']").forEach(function (box) { box.checked = all.checked; });
  });

  document.addEventListener("click", function (event) {
    // A click outside an open top-bar menu closes it, as menus do.
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute("open");
    });
    var opener = event.target.closest && event.target.closest("[data-shortcuts-open]");
    if (opener) {
      var dialog = document.getElementById("shortcuts");
      if (dialog && dialog.showModal) dialog.showModal();
    }
  });

  // The top bar's search: Escape empties the list under it, arrow keys move between the box and what it found.
  document.addEventListener("keydown", function (event) {
    var box = document.querySelector("[data-search-box]");
    var results = document.getElementById("quick-results");
    if (!box || !results || !(event.target === box || results.contains(event.target))) return;
    var links = Array.from(results.querySelectorAll("a"));
    var at = links.indexOf(event.target);
    if (event.key === "Escape") { results.innerHTML = ""; box.focus(); event.preventDefault(); }
    else if (event.key === "ArrowDown" && links.length > 0) { links[Math.min(at + 1, links.length - 1)].focus(); event.preventDefault(); }
    else if (event.key === "ArrowUp" && at >= 0) { (at === 0 ? box : links[at - 1]).focus(); event.preventDefault(); }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    switch (event.key) {
      case "/": {
        var search = document.querySelector("[data-search-box]");
        if (search) { search.focus(); search.select(); event.preventDefault(); }
        break;
      }
      case "j": select(1); event.preventDefault(); break;
      case "k": select(-1); event.preventDefault(); break;
      case "Enter": {
        var row = document.querySelector("[data-ticket-row].selected a.subject");
        if (row && document.activeElement !== row) { row.click(); event.preventDefault(); }
        break;
      }
      case "r": focusComposer("reply"); event.preventDefault(); break;
      case "n": focusComposer("note"); event.preventDefault(); break;
      case "?": {
        var dialog = document.getElementById("shortcuts");
        if (dialog && dialog.showModal) { dialog.showModal(); event.preventDefault(); }
        break;
      }
    }
  });
})();
