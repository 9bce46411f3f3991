/* Embedded view: what the page needs from Python is asked for first, before the other scripts load.
 * - The web channel (window.SMChannel): its handshake, a round trip to Python, is done by the time
 *   map.js has set the map up (opened there, it took another 20-30 ms after map.js had run).
 * - The incident data, long before the basemap's tiles. Python answers once it has them (at start-up
 *   they are still being read when the page starts); map.js draws the answer (window.SMPrefetch).
 * Exported pages carry their data inline and ask for nothing. */
(function () {
  "use strict";

  if (window.qt && window.QWebChannel) {
    window.SMChannel = new Promise((resolve) => new QWebChannel(qt.webChannelTransport, resolve));
  }
  /** Incident columns from Python: their dictionaries as JSON and their numbers as one binary buffer. */
  window.SMFetchIncidents = function (metaUrl, columnsUrl) {
    return Promise.all([fetch(metaUrl).then((r) => r.json()), fetch(columnsUrl).then((r) => r.arrayBuffer())]);
  };
  const urls = JSON.parse(document.getElementById("sm-config").textContent).prefetch;
  if (!urls) return;
  const answer = window.SMFetchIncidents(urls.meta, urls.columns);
  answer.catch(() => {});  // a page replaced before its data were made sees its requests fail
  window.SMPrefetch = { meta: urls.meta, columns: urls.columns, answer: answer };
})();
