// GOV.UK Frontend's styles for scripted components apply once the body says scripts run (its template does this inline;
// here it is a file, so that the Content-Security-Policy needs no 'unsafe-inline').
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
