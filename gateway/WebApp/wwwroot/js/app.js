// GOV.UK Frontend's components (header menu, error summary focus, character counts…), initialised on the first load and
// again after each enhanced navigation or form post, which replace the page's content without a full reload.
import { initAll } from '/govuk/govuk-frontend.min.js';

const start = () => initAll({ scope: document.getElementById('main-content') ?? document.body });
initAll();
if (window.Blazor) window.Blazor.addEventListener('enhancedload', start);
else document.addEventListener('DOMContentLoaded', () => window.Blazor?.addEventListener('enhancedload', start));
