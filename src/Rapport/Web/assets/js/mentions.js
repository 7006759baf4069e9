// Mentions in the composer: after "@" in a textarea marked data-mentions="<url>", the colleagues whose name or
// address starts with what follows (GET url?q=…) appear in the element named by data-mentions-results; choosing
// one writes "@handle " in place of what was typed. Arrow down reaches the choices, Escape goes back to the text.
// Without this script, "@handle" typed by hand mentions the colleague all the same.
(function () {
  "use strict";
  // Boosted navigation runs the page's script again each visit; listen once.
  if (window.rapportMentions) return;
  window.rapportMentions = true;
  var timers = new WeakMap();
  var typing = /(^|[\s(\[,])@([A-Za-z0-9._+-]*)$/;

  function results(area) {
    return document.getElementById(area.getAttribute("data-mentions-results"));
  }

  function choices(area) {
    var box = results(area);
    return box ? Array.from(box.querySelectorAll("[data-mention-choice]")) : [];
  }

  function typed(area) {
    var match = typing.exec(area.value.slice(0, area.selectionStart));
    return match ? match[2] : null;
  }

  function clear(area) {
    var box = results(area);
    if (box) box.innerHTML = "";
  }

  function look(area) {
    var box = results(area);
    var text = typed(area);
    if (!box || !window.htmx) return;
    if (text === null || text.length === 0) { box.innerHTML = ""; return; }
    window.htmx.ajax("GET", area.getAttribute("data-mentions") + "?q=" + encodeURIComponent(text), { target: box, swap: "innerHTML" });
  }

  function choose(area, handle) {
    var caret = area.selectionStart;
    var before = area.value.slice(0, caret).replace(/@[A-Za-z0-9._+-]*$/, "@" + handle + " ");
    area.value = before + area.value.slice(caret);
    area.focus();
    area.setSelectionRange(before.length, before.length);
    clear(area);
  }

  function areaOf(choice) {
    var box = choice.closest("[data-mentions-for]");
    return box && document.getElementById(box.getAttribute("data-mentions-for"));
  }

  document.addEventListener("input", function (event) {
    var area = event.target;
    if (!area.matches || !area.matches("textarea[data-mentions]")) return;
    clearTimeout(timers.get(area));
    timers.set(area, setTimeout(function () { look(area); }, 200));
  });

  document.addEventListener("click", function (event) {
    var choice = event.target.closest && event.target.closest("[data-mention-choice]");
    var area = choice && areaOf(choice);
    if (area) choose(area, choice.getAttribute("data-mention-choice"));
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (!target.matches) return;
    if (target.matches("textarea[data-mentions]")) {
      var first = choices(target)[0];
      if (event.key === "ArrowDown" && first) { first.focus(); event.preventDefault(); }
      else if (event.key === "Escape" && first) { clear(target); event.preventDefault(); }
      return;
    }
    if (!target.matches("[data-mention-choice]")) return;
    var area = areaOf(target);
    if (!area) return;
    var list = choices(area);
    var index = list.indexOf(target);
    if (event.key === "ArrowDown" && index < list.length - 1) { list[index + 1].focus(); event.preventDefault(); }
    else if (event.key === "ArrowUp") { (index > 0 ? list[index - 1] : area).focus(); event.preventDefault(); }
    else if (event.key === "Escape") { clear(area); area.focus(); event.preventDefault(); }
  });
})();
