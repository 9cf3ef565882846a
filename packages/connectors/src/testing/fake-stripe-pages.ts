/** The hosted pages Stripe would show (Checkout, Billing Portal), as minimal local stand-ins. */

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export const checkoutPage = (
  sessionId: string,
) => `<!doctype html><html lang="en"><head><title>Checkout (local Stripe)</title></head>
<body><main><h1>Checkout</h1><p>Local Stripe-shaped server: no card needed.</p>
<form method="post" action="/checkout/${escape(sessionId)}/pay"><button type="submit">Pay and subscribe</button></form></main></body></html>`;

export const portalPage = (
  returnUrl: string,
) => `<!doctype html><html lang="en"><head><title>Billing portal (local Stripe)</title></head>
<body><main><h1>Billing portal</h1><p>Payment methods, invoices and cancellation live here on Stripe.</p>
<a href="${escape(returnUrl)}">Return to Stagedoor</a></main></body></html>`;
