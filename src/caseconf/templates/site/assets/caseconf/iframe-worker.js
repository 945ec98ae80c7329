/* A local stand-in for Web Workers when the site is opened from file:// (a USB stick).
 *
 * Browsers refuse `new Worker("file:///...")`, which the theme's search needs. The theme's
 * offline plugin would load a shim from a CDN; the team site must not load anything from
 * the internet, so this small replacement runs the worker script in a hidden same-origin
 * iframe and relays messages. Over http(s) it does nothing. Only what the search worker
 * uses is supported: postMessage, message events, importScripts and terminate.
 */
(function () {
  "use strict";
  if (window.location.protocol !== "file:" || typeof EventTarget !== "function") return;

  function deliver(target, data) {
    var event = new MessageEvent("message", { data: data });
    if (typeof target.onmessage === "function") target.onmessage(event);
    target.dispatchEvent(event);
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.onerror = null;
      this.ready = false;
      this.queue = [];
      var host = this;
      var iframe = document.createElement("iframe");
      iframe.hidden = true;
      iframe.setAttribute("aria-hidden", "true");
      iframe.title = "worker";
      (document.body || document.documentElement).appendChild(iframe);
      this.iframe = iframe;
      var scope = iframe.contentWindow;
      /* inside the iframe, postMessage talks back to the page, as in a worker */
      scope.postMessage = function (data) {
        window.setTimeout(function () { deliver(host, data); }, 0);
      };
      var script = scope.document.createElement("script");
      /* The search worker loads its language support (caseconf's folding of diacritics)
       * with importScripts; here that is script tags in order, awaited by the worker. */
      scope.importScripts = function () {
        var urls = Array.prototype.slice.call(arguments);
        return urls.reduce(function (done, url) {
          return done.then(function () {
            return new Promise(function (resolve, reject) {
              var extra = scope.document.createElement("script");
              extra.src = new URL(url, script.src).href;
              extra.onload = function () { resolve(); };
              extra.onerror = function () { reject(new Error("could not load " + url)); };
              scope.document.body.appendChild(extra);
            });
          });
        }, Promise.resolve());
      };
      script.src = new URL(url, document.baseURI).href;
      script.onload = function () {
        host.ready = true;
        host.queue.splice(0).forEach(function (data) { host.postMessage(data); });
      };
      script.onerror = function (error) {
        if (typeof host.onerror === "function") host.onerror(error);
        host.dispatchEvent(new Event("error"));
      };
      scope.document.body.appendChild(script);
    }

    postMessage(data) {
      if (!this.ready) {
        this.queue.push(data);
        return;
      }
      var scope = this.iframe.contentWindow;
      window.setTimeout(function () {
        scope.dispatchEvent(new scope.MessageEvent("message", { data: data }));
      }, 0);
    }

    terminate() {
      if (this.iframe.parentNode) this.iframe.parentNode.removeChild(this.iframe);
    }
  }

  window.Worker = IFrameWorker;
  window.IFrameWorker = IFrameWorker; /* how the search worker finds its scripts' folder */
})();
