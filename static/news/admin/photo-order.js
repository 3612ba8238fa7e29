// Reorder an article's photos by dragging their thumbnails in the inline
// (templates/admin/news/photo/tabular.html). Dropping a photo on another row moves
// it there and renumbers the "order" boxes of the stored photos 1, 2, 3…; saving the
// form saves each photo's order, and the first is the cover. The boxes can still be
// typed in (keyboards, touch screens: HTML drag and drop needs a mouse).
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
      const later = dragged.compareDocumentPosition(row) & Node.DOCUMENT_POSITION_FOLLOWING;
      if (later) row.after(dragged);
      else row.before(dragged);
      renumber();
    });
  }
});
