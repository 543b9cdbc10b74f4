/* sphinx-career-timeline: click to enlarge an image-float.
 *
 * Progressive enhancement of <a class="stl-lightbox" href="full.png"><img …></a>:
 * without this script (or without <dialog> support) the link opens the file.
 * With it, a click opens one shared native <dialog> showing the file and the
 * figure's caption. The file is requested only when the dialog opens. Esc, a click
 * outside the image and the close button close it; the focus returns to the link.
 */
(() => {
  "use strict";

  if (typeof HTMLDialogElement !== "function") {
    return;
  }

  let dialog = null;
  let image = null;
  let caption = null;
  let opener = null;

  /** The dialog, built on first use: [close button] <figure><img><figcaption>. */
  function getDialog(closeLabel) {
    if (dialog) {
      return dialog;
    }
    dialog = document.createElement("dialog");
    dialog.className = "stl-lightbox-dialog";
    const close = document.createElement("button");
    close.type = "button";
    close.className = "stl-lightbox-close";
    close.setAttribute("aria-label", closeLabel);
    close.textContent = "\u00d7";
    close.addEventListener("click", () => dialog.close());
    const figure = document.createElement("figure");
    image = document.createElement("img");
    image.decoding = "async";
    caption = document.createElement("figcaption");
    caption.id = "stl-lightbox-caption";
    figure.append(image, caption);
    dialog.append(close, figure);
    // a click on the backdrop (outside the figure) targets the dialog itself
    dialog.addEventListener("click", (event) => {
      if (event.target === dialog) {
        dialog.close();
      }
    });
    dialog.addEventListener("close", () => {
      image.removeAttribute("src");
      if (opener) {
        opener.focus();
        opener = null;
      }
    });
    document.body.append(dialog);
    return dialog;
  }

  /** The image the reader sees in the link (the dark variant in dark mode). */
  function shownImage(link) {
    const images = [...link.querySelectorAll("img")];
    return images.find((img) => img.getClientRects().length > 0) || images[0];
  }

  /** The caption's text, without its permalink. */
  function captionText(link) {
    const figcaption = link.closest("figure")?.querySelector("figcaption");
    if (!figcaption) {
      return "";
    }
    const copy = figcaption.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach((permalink) => permalink.remove());
    return copy.textContent.trim().replace(/\s+/g, " ");
  }

  function open(link) {
    const box = getDialog(link.dataset.closeLabel || "Close");
    const thumbnail = shownImage(link);
    const text = captionText(link);
    image.alt = thumbnail ? thumbnail.alt : "";
    image.src = thumbnail && thumbnail.classList.contains("stl-float-dark")
      ? thumbnail.currentSrc || thumbnail.src
      : link.href;
    caption.textContent = text;
    caption.hidden = !text;
    if (text) {
      box.setAttribute("aria-labelledby", caption.id);
      box.removeAttribute("aria-label");
    } else {
      box.removeAttribute("aria-labelledby");
      box.setAttribute("aria-label", image.alt);
    }
    opener = link;
    box.showModal();
  }

  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element && event.target.closest("a.stl-lightbox");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return; // a new tab or window: the browser opens the file
    }
    event.preventDefault();
    open(link);
  });

  for (const link of document.querySelectorAll("a.stl-lightbox")) {
    link.setAttribute("aria-haspopup", "dialog");
  }
})();
