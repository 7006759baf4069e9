// Type-ahead for inputs marked data-typeahead="<url>": as the person types, the server's list of
// matches (GET url?q=…) is swapped into the element named by data-typeahead-results. Arrow keys
// move between the input and the choices. Without this script the form's Search button does
// the same through a plain post.
(function () {
  "use strict";
  // Boosted navigation runs the page's script again each visit; listen once.
  if (window.rapportTypeahead) return;
  window.rapportTypeahead = true;
  var timers = new WeakMap();

  function results(input) {
    return document.getElementById(input.getAttribute("data-typeahead-results"));
  }

  function choices(input) {
    var box = results(input);
    return box ? Array.from(box.querySelectorAll("[data-lookup-choice]")) : [];
  }

  function look(input) {
    var box = results(input);
    if (!box || !window.htmx) return;
    var text = input.value.trim();
    if (text.length < 2) { box.innerHTML = ""; return; }
    window.htmx.ajax("GET", input.getAttribute("data-typeahead") + "?q=" + encodeURIComponent(text), { target: box, swap: "innerHTML" });
  }

  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[data-typeahead]")) return;
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(function () { look(input); }, 250));
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (!target.matches) return;
    if (target.matches("input[data-typeahead]") && event.key === "ArrowDown") {
      var first = choices(target)[0];
      if (first) { first.focus(); event.preventDefault(); }
      return;
    }
    if (!target.matches("[data-lookup-choice]")) return;
    var box = target.closest("[id]");
    var input = box && document.querySelector("input[data-typeahead-results='" + box.id + "']");
    if (!input) return;
    var list = choices(input);
    var index = list.indexOf(target);
    if (event.key === "ArrowDown" && index < list.length - 1) { list[index + 1].focus(); event.preventDefault(); }
    else if (event.key === "ArrowUp") { (index > 0 ? list[index - 1] : input).focus(); event.preventDefault(); }
    else if (event.key === "Escape") { input.focus(); event.preventDefault(); }
  });
})();
