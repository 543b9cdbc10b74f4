/* sphinx-career-timeline theme: the colour scheme button and the phone menu.
 * The scheme is set before the page is painted by the small script in the head;
 * this one only reacts to the reader. Without script the scheme follows the system
 * and the menu is shown in the page flow. */
(() => {
  "use strict";
  const root = document.documentElement;
  const KEY = "stl-scheme";
  const SCHEMES = ["auto", "light", "dark"];

  const schemeButton = document.querySelector(".stl-scheme-button");

  function showScheme(scheme) {
    root.setAttribute("data-theme", scheme);
    const dark = document.getElementById("pygments_dark_css");
    if (dark) {
      dark.media = { dark: "all", light: "not all" }[scheme] || "(prefers-color-scheme: dark)";
    }
    if (schemeButton) {
      const label = schemeButton.getAttribute(`data-label-${scheme}`);
      schemeButton.setAttribute("aria-label", label);
      schemeButton.title = label;
    }
  }

  if (schemeButton) {
    schemeButton.hidden = false;
    showScheme(root.getAttribute("data-theme"));
    schemeButton.addEventListener("click", () => {
      const current = SCHEMES.indexOf(root.getAttribute("data-theme"));
      const next = SCHEMES[(current + 1) % SCHEMES.length];
      try {
        localStorage.setItem(KEY, next);
      } catch (error) {
        /* storage refused: the choice lasts for this page */
      }
      showScheme(next);
    });
    window.addEventListener("storage", (event) => {
      if (event.key === KEY && SCHEMES.includes(event.newValue)) showScheme(event.newValue);
    });
  }

  // a code block or table that scrolls sideways can be scrolled from the keyboard
  for (const box of document.querySelectorAll(".stl-article pre, .stl-article table")) {
    if (box.scrollWidth > box.clientWidth && !box.hasAttribute("tabindex")) {
      box.tabIndex = 0;
    }
  }

  const menuButton = document.querySelector(".stl-menu-button");
  const menu = menuButton && document.getElementById(menuButton.getAttribute("aria-controls"));
  if (menuButton && menu) {
    const setOpen = (open) => {
      menuButton.setAttribute("aria-expanded", String(open));
      root.classList.toggle("stl-menu-open", open);
    };
    menuButton.hidden = false;
    menuButton.addEventListener("click", () => {
      const open = menuButton.getAttribute("aria-expanded") !== "true";
      setOpen(open);
      if (open) {
        const first = menu.querySelector("a[href]");
        if (first) first.focus();
      }
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && root.classList.contains("stl-menu-open")) {
        setOpen(false);
        menuButton.focus();
      }
    });
  }
})();
