// Wide screens have room for every filter: show them unfolded. A file rather than an
// inline script, so the Content-Security-Policy needs no 'unsafe-inline'.
(function () {
  "use strict";
  if (window.matchMedia("(min-width: 64rem)").matches) {
    document.querySelectorAll(".filter-more").forEach(function (d) { d.open = true; });
  }
})();
