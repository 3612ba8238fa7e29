// Reorder an article's photos by dragging their thumbnails in the inline
// (templates/admin/news/photo/tabular.html). Dropping a photo on another row moves
// it there and renumbers the "order" boxes of the stored photos 1, 2, 3…; saving the
// form saves each photo's order. With a mouse this is HTML drag and drop; on touch
// screens (and pens) pointer events do the same: press a thumbnail, slide it over
// another row, lift. The boxes can still be typed in (keyboards).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const group = document.getElementById("photos-group");
  const body = group && group.querySelector("tbody");
  if (!body) return;
  const rows = () => [...body.querySelectorAll("tr.form-row.has_original")];
  if (rows().length < 2) return;
  const hint = group.querySelector(".photo-order-hint");
  if (hint) hint.hidden = false;
  let dragged = null;

  function renumber() {
    rows().forEach((row, index) => {
      const box = row.querySelector("td.field-order input");
      if (box) box.value = index + 1;
    });
  }

  function moveTo(moving, row) {
    const later = moving.compareDocumentPosition(row) & Node.DOCUMENT_POSITION_FOLLOWING;
    if (later) row.after(moving);
    else row.before(moving);
  }

  // Touch and pen: the thumbnail does not scroll the page (touch-action: none in
  // photos.css), so a slide on it moves its row, live, over the row under the finger.
  let touch = null;
  body.addEventListener("pointerdown", (event) => {
    if (event.pointerType === "mouse" || !event.isPrimary) return;
    const handle = event.target.closest && event.target.closest(".photo-thumb");
    const row = handle && handle.closest("tr.form-row.has_original");
    if (!row) return;
    touch = { row, id: event.pointerId, x: event.clientX, y: event.clientY, moved: false };
    handle.setPointerCapture(event.pointerId);
    // Rows moving above the viewport's anchor must not scroll the page under the finger.
    document.documentElement.style.overflowAnchor = "none";
  });
  body.addEventListener("pointermove", (event) => {
    if (!touch || event.pointerId !== touch.id) return;
    if (!touch.moved && Math.hypot(event.clientX - touch.x, event.clientY - touch.y) < 8) return;
    touch.moved = true;
    touch.row.classList.add("is-dragging");
    const under = document.elementFromPoint(event.clientX, event.clientY);
    const over = under && under.closest("tr.form-row.has_original");
    if (over && over !== touch.row && body.contains(over)) moveTo(touch.row, over);
  });
  function endTouch(event) {
    if (!touch || event.pointerId !== touch.id) return;
    const { row, moved } = touch;
    touch = null;
    document.documentElement.style.overflowAnchor = "";
    row.classList.remove("is-dragging");
    if (!moved) return; // a tap: the thumbnail's link opens as usual
    renumber();
    quietUntil = Date.now() + 500;
  }
  // The lift after a slide is no tap: do not open the thumbnail's link.
  let quietUntil = 0;
  body.addEventListener("click", (event) => {
    if (Date.now() < quietUntil && event.target.closest(".photo-thumb")) event.preventDefault();
  }, true);
  body.addEventListener("pointerup", endTouch);
  body.addEventListener("pointercancel", endTouch);

  for (const row of rows()) {
    // The thumbnail (a link, so natively draggable) is the handle: text boxes
    // inside a draggable row could no longer be selected with the mouse.
    row.addEventListener("dragstart", (event) => {
      if (!event.target.closest || !event.target.closest(".photo-thumb")) return;
      dragged = row;
      row.classList.add("is-dragging");
      event.dataTransfer.effectAllowed = "move";
    });
    row.addEventListener("dragend", () => {
      row.classList.remove("is-dragging");
      dragged = null;
    });
    row.addEventListener("dragover", (event) => {
      if (dragged && dragged !== row) event.preventDefault();
    });
    row.addEventListener("drop", (event) => {
      if (!dragged || dragged === row) return;
      event.preventDefault();
      moveTo(dragged, row);
      renumber();
    });
  }
});
