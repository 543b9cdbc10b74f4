/* sphinx-career-timeline: shows tweet cards as X does, when the page allows it.
 *
 * Each card is <figure class="stl-tweet" data-stl-tweet="ID" data-stl-embed="MODE">:
 *   click  - show the card's "Load from X" button; a click loads X's script for
 *            that card and remembers the reader's consent in localStorage, so the
 *            next pages load X's posts directly;
 *   widget - load X's script for every card when the page opens.
 * X's script is asked not to track (twitter:dnt) and is fetched without a referrer.
 * The card is never marked up as X's own ("twitter-tweet"), so no other script
 * on the page turns it into a post or blanks it. When X cannot show the post,
 * the card stays as it is.
 */
(() => {
  "use strict";

  const PLATFORM_SCRIPT = "https://platform.twitter.com/widgets.js";
  const CONSENT_KEY = "stl-tweet-consent";
  let platform = null;

  const hasConsent = () => {
    try {
      return window.localStorage.getItem(CONSENT_KEY) === "yes";
    } catch (error) {
      return false; // storage blocked: ask again on every page
    }
  };

  const rememberConsent = () => {
    try {
      window.localStorage.setItem(CONSENT_KEY, "yes");
    } catch (error) {
      // storage blocked: the consent holds for this page only
    }
  };

  /* X's script, loaded once per page; resolves to its twttr object */
  const loadPlatform = () => {
    if (!platform) {
      platform = new Promise((resolve, reject) => {
        if (!document.querySelector('meta[name="twitter:dnt"]')) {
          const meta = document.createElement("meta");
          meta.name = "twitter:dnt";
          meta.content = "on";
          document.head.append(meta);
        }
        const script = document.createElement("script");
        script.src = PLATFORM_SCRIPT;
        script.async = true;
        script.charset = "utf-8";
        script.referrerPolicy = "no-referrer";
        script.addEventListener("load", () => {
          const twttr = window.twttr;
          if (!twttr || !twttr.widgets) {
            reject(new Error("X's script did not start"));
          } else if (typeof twttr.ready === "function") {
            twttr.ready(resolve);
          } else {
            resolve(twttr);
          }
        });
        script.addEventListener("error", () => {
          platform = null; // a later click tries again
          script.remove();
          reject(new Error("X's script did not load"));
        });
        document.head.append(script);
      });
    }
    return platform;
  };

  /* dark when the card's text is light: follows any theme's dark mode */
  const pageTheme = (card) => {
    const rgb = getComputedStyle(card).color.match(/[\d.]+/g);
    if (!rgb) return "light";
    const [r, g, b] = rgb.map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b > 128 ? "dark" : "light";
  };

  const embed = (card) => {
    const button = card.querySelector(".stl-tweet-load");
    if (button) button.disabled = true;
    card.setAttribute("aria-busy", "true");
    const frame = document.createElement("div");
    frame.className = "stl-tweet-embed";
    card.append(frame);
    const theme = card.dataset.stlTheme === "auto" ? pageTheme(card) : card.dataset.stlTheme;
    const options = { dnt: true, theme, align: card.dataset.stlAlign || "center" };
    if (card.dataset.stlLang) options.lang = card.dataset.stlLang;
    const keepCard = () => {
      frame.remove();
      if (button) button.disabled = false;
    };
    loadPlatform()
      .then((twttr) => twttr.widgets.createTweet(card.dataset.stlTweet, frame, options))
      .then((shown) => {
        if (shown) card.classList.add("stl-tweet-embedded");
        else keepCard(); // deleted, protected, or X refused to show it
      })
      .catch(keepCard)
      .finally(() => card.removeAttribute("aria-busy"));
  };

  const start = () => {
    for (const card of document.querySelectorAll(".stl-tweet[data-stl-embed][data-stl-tweet]")) {
      const mode = card.dataset.stlEmbed;
      if (mode === "widget" || (mode === "click" && hasConsent())) {
        embed(card);
      } else if (mode === "click") {
        const button = card.querySelector(".stl-tweet-load");
        if (!button) continue;
        button.hidden = false;
        button.addEventListener("click", () => {
          rememberConsent();
          embed(card);
        });
      }
    }
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
