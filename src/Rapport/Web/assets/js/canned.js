// Canned replies in the composer: after "#" and a letter in a textarea marked data-canned="<url>", the canned replies
// whose title holds what follows (GET url?q=…, already filled in for the ticket) appear in the element named by
// data-canned-results; choosing one writes its text in place of what was typed and selects it in the composer's
// "Canned reply" list, so "also set the fields it sets" applies to it. Arrow down reaches the choices, Escape goes
// back to the text. Without this script, the list and its "Insert" button do the same by posting the form.
(function () {
  "use strict";
  // Boosted navigation runs the page's script again each visit; listen once.
  if (window.rapportCanned) return;
  window.rapportCanned = true;
  var timers = new WeakMap();
  // A letter first, so "#1042" (a ticket number) stays text.
  var typing = /(^|[\s(\[,])#([A-Za-z][\w-]*)$/;

  function results(area) {
    return document.getElementById(area.getAttribute("data-canned-results"));
  }

  function choices(area) {
    var box = results(area);
    return box ? Array.from(box.querySelectorAll("[data-canned-choice]")) : [];
  }

  function clear(area) {
    var box = results(area);
    if (box) box.innerHTML = "";
  }

  function look(area) {
    var box = results(area);
    var match = typing.exec(area.value.slice(0, area.selectionStart));
    if (!box || !window.htmx) return;
    if (!match) { box.innerHTML = ""; return; }
    window.htmx.ajax("GET", area.getAttribute("data-canned") + "?q=" + encodeURIComponent(match[2]), { target: box, swap: "innerHTML" });
  }

  function choose(area, choice) {
    var caret = area.selectionStart;
    var before = area.value.slice(0, caret).replace(/#[A-Za-z][\w-]*$/, choice.getAttribute("data-canned-text"));
    area.value = before + area.value.slice(caret);
    area.focus();
    area.setSelectionRange(before.length, before.length);
    var select = area.form && area.form.querySelector("[data-canned-select]");
    if (select) select.value = choice.getAttribute("data-canned-choice");
    clear(area);
  }

  function areaOf(choice) {
    var box = choice.closest("[data-canned-for]");
    return box && document.getElementById(box.getAttribute("data-canned-for"));
  }

  document.addEventListener("input", function (event) {
    var area = event.target;
    if (!area.matches || !area.matches("textarea[data-canned]")) return;
    clearTimeout(timers.get(area));
    timers.set(area, setTimeout(function () { look(area); }, 200));
  });

  document.addEventListener("click", function (event) {
    var choice = event.target.closest && event.target.closest("[data-canned-choice]");
    var area = choice && areaOf(choice);
    if (area) choose(area, choice);
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (!target.matches) return;
    if (target.matches("textarea[data-canned]")) {
      var first = choices(target)[0];
      if (event.key === "ArrowDown" && first) { first.focus(); event.preventDefault(); }
      else if (event.key === "Escape" && first) { clear(target); event.preventDefault(); }
      return;
    }
    if (!target.matches("[data-canned-choice]")) return;
    var area = areaOf(target);
    if (!area) return;
    var list = choices(area);
    var index = list.indexOf(target);
    if (event.key === "ArrowDown" && index < list.length - 1) { list[index + 1].focus(); event.preventDefault(); }
    else if (event.key === "ArrowUp") { (index > 0 ? list[index - 1] : area).focus(); event.preventDefault(); }
    else if (event.key === "Escape") { clear(area); area.focus(); event.preventDefault(); }
  });
})();
