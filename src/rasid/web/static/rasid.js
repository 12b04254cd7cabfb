// rasid: small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // back to top: shown once the reader has scrolled a screen
  var top = document.getElementById("to-top");
  if (top) {
    var toggle = function () {
      top.classList.toggle("shown", window.scrollY > window.innerHeight);
    };
    window.addEventListener("scroll", toggle, { passive: true });
    toggle();
  }
  // a statement in the text and its entry beside it light up together
  var marks = document.querySelectorAll("[data-statement]");
  marks.forEach(function (el) {
    var k = el.getAttribute("data-statement");
    el.addEventListener("mouseenter", function () {
      document.querySelectorAll('[data-statement="' + k + '"]').forEach(function (x) {
        x.classList.add("lit");
      });
    });
    el.addEventListener("mouseleave", function () {
      document.querySelectorAll('[data-statement="' + k + '"]').forEach(function (x) {
        x.classList.remove("lit");
      });
    });
  });
  // the map's filters apply as soon as they change
  var filters = document.getElementById("map-filters");
  if (filters) {
    filters.querySelectorAll("select, input").forEach(function (el) {
      el.addEventListener("change", function () { filters.submit(); });
    });
  }
})();
