// Each photo's tiny placeholder (a 16-px WebP stored with its renditions,
// news/photos.py) is painted behind the <img> until the image itself has loaded,
// so a slow photo shows its colours and shapes instead of an empty box (the box
// itself never jumps: width/height and aspect-ratio already reserve it).
// The background is set through the CSSOM, not a style attribute, so a
// Content-Security-Policy without style-src 'unsafe-inline' allows it; the data:
// image needs img-src data:.
"use strict";
(function () {
  for (const img of document.querySelectorAll("img[data-placeholder]")) {
    if (img.complete && img.naturalWidth) continue; // already there (cached)
    const style = img.style;
    style.backgroundImage = `url("${img.dataset.placeholder}")`;
    style.backgroundSize = "cover"; // as the image's object-fit: cover crops it
    style.backgroundPosition = "center";
    style.backgroundRepeat = "no-repeat";
    img.addEventListener("load", () => { style.backgroundImage = ""; }, { once: true });
  }
})();
