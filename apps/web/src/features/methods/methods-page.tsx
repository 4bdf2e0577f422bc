/** Kept for the router's fallback import; the library page replaces the old placeholder. */
export { LibraryPage as MethodsPage } from './library-page';
