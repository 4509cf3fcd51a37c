// GOV.UK Frontend's components (header menu, error summary focus, character counts…), initialised on the first load and
// again after each enhanced navigation or form post, which replace the page's content without a full reload.
import { initAll } from '/govuk/govuk-frontend.min.js';

// An enhanced update merges the server's <body> into the page's, which takes away the classes enabled.js added: without
// them GOV.UK Frontend refuses to start (its support check) and its scripted styles switch off. Put them back first.
const start = () => {
  document.body.classList.add('js-enabled');
  if ('noModule' in HTMLScriptElement.prototype) document.body.classList.add('govuk-frontend-supported');
  initAll({ scope: document.getElementById('main-content') ?? document.body });
};
initAll();
if (window.Blazor) window.Blazor.addEventListener('enhancedload', start);
else document.addEventListener('DOMContentLoaded', () => window.Blazor?.addEventListener('enhancedload', start));
