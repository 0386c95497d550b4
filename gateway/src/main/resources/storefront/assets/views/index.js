// Every view of the storefront, by name, for the router.
export { problemBox, notFound } from './common.js';
export { products, product } from './catalog.js';
export { cart } from './cart.js';
export { order, orders } from './orders.js';
export { admin } from './admin.js';
export { signIn, signUp } from './account.js';
