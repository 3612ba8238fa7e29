// Photo lightbox on a native <dialog>: focus is trapped and Esc closes it for free;
// arrow keys move between photos; focus returns to the thumbnail that opened it.
(function () {
  "use strict";
  document.querySelectorAll(".gallery").forEach(function (gallery) {
    var thumbs = Array.prototype.slice.call(gallery.querySelectorAll(".gallery-thumb"));
    var dialog = gallery.querySelector(".lightbox");
    if (!dialog || !thumbs.length) return;
    var image = dialog.querySelector(".lightbox-image");
    var caption = dialog.querySelector(".lightbox-caption");
    var count = dialog.querySelector(".lightbox-count");
    var current = 0;
    var opener = null;

    function show(index) {
      current = (index + thumbs.length) % thumbs.length;
      var thumb = thumbs[current];
      image.src = thumb.dataset.src;
      image.alt = thumb.dataset.alt;
      caption.textContent = thumb.dataset.caption;
      count.textContent = (current + 1) + " / " + thumbs.length;
    }
    thumbs.forEach(function (thumb, index) {
      thumb.addEventListener("click", function () {
        opener = thumb;
        show(index);
        dialog.showModal();
        dialog.querySelector(".lightbox-next").focus();
      });
    });
    dialog.querySelector(".lightbox-prev").addEventListener("click", function () { show(current - 1); });
    dialog.querySelector(".lightbox-next").addEventListener("click", function () { show(current + 1); });
    dialog.querySelector(".lightbox-close").addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowRight") { show(current + 1); event.preventDefault(); }
      if (event.key === "ArrowLeft") { show(current - 1); event.preventDefault(); }
    });
    dialog.addEventListener("close", function () { if (opener) opener.focus(); });
  });

  document.querySelectorAll(".copy-link").forEach(function (button) {
    button.addEventListener("click", function () {
      var status = button.parentNode.querySelector(".copy-status");
      navigator.clipboard.writeText(button.dataset.url).then(function () {
        status.textContent = button.dataset.done;
      });
    });
  });
})();
