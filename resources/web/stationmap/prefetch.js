/* Embedded view: the incident data are asked for first, before the other scripts load and long
 * before the basemap's tiles. Python answers once it has them (at start-up they are still being
 * read when the page starts); map.js draws the answer (window.SMPrefetch). Exported pages carry
 * their data inline and ask for nothing. */
(function () {
  "use strict";

  const urls = JSON.parse(document.getElementById("sm-config").textContent).prefetch;
  if (!urls) return;
  const answer = Promise.all([fetch(urls.meta).then((r) => r.json()), fetch(urls.columns).then((r) => r.arrayBuffer())]);
  answer.catch(() => {});  // a page replaced before its data were made sees its requests fail
  window.SMPrefetch = { meta: urls.meta, columns: urls.columns, answer: answer };
})();
