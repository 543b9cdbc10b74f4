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
 * the card stays as it is; when X cannot be reached (its script does not load, or
 * the post does not come within data-stl-timeout milliseconds, TIMEOUT by default),
 * the card also says so, in a status line (a polite live region) whose text is
 * data-stl-unreachable, translated for the page, or UNREACHABLE.
 */
(() => {
  "use strict";

  const PLATFORM_SCRIPT = "https://platform.twitter.com/widgets.js";
  const CONSENT_KEY = "stl-tweet-consent";
  const TIMEOUT = 10000; // ms
  const UNREACHABLE = "X could not be reached; the post is shown as saved.";
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

  /* the card's status line, made once, before there is anything to say, so that
   * screen readers know the live region when its text arrives */
  const statusOf = (card) => {
    let status = card.querySelector(":scope > .stl-tweet-status");
    if (!status) {
      status = document.createElement("p");
      status.className = "stl-tweet-status";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      card.append(status);
    }
    return status;
  };

  /* the promise, or a failure once the card's time-out has passed */
  const inTime = (card, promise) => {
    const limit = Number(card.dataset.stlTimeout) > 0 ? Number(card.dataset.stlTimeout) : TIMEOUT;
    let timer;
    const late = new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Error("X did not answer in time")), limit);
    });
    return Promise.race([promise, late]).finally(() => clearTimeout(timer));
  };

  const embed = (card) => {
    const button = card.querySelector(".stl-tweet-load");
    if (button) button.disabled = true;
    const status = statusOf(card);
    status.textContent = "";
    card.setAttribute("aria-busy", "true");
    const frame = document.createElement("div");
    frame.className = "stl-tweet-embed";
    card.append(frame);
    const theme = card.dataset.stlTheme === "auto" ? pageTheme(card) : card.dataset.stlTheme;
    const options = { dnt: true, theme, align: card.dataset.stlAlign || "center" };
    if (card.dataset.stlLang) options.lang = card.dataset.stlLang;
    const keepCard = () => {
      frame.remove();
      if (button) button.disabled = false; // the reader may try again
    };
    inTime(
      card,
      loadPlatform().then((twttr) => twttr.widgets.createTweet(card.dataset.stlTweet, frame, options)),
    )
      .then((shown) => {
        if (shown) card.classList.add("stl-tweet-embedded");
        else keepCard(); // deleted, protected, or X refused to show it
      })
      .catch(() => {
        keepCard(); // X's script did not load, failed, or did not answer in time
        status.textContent = card.dataset.stlUnreachable || UNREACHABLE;
      })
      .finally(() => card.removeAttribute("aria-busy"));
  };

  const start = () => {
    for (const card of document.querySelectorAll(".stl-tweet[data-stl-embed][data-stl-tweet]")) {
      const mode = card.dataset.stlEmbed;
      if (mode === "widget" || mode === "click") statusOf(card);
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
