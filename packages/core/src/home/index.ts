export { memberIdentity, type MemberIdentity } from "./member-identity";
export { starEntity, unstarEntity, starredRefs, listStarredEntities, MAX_STARS } from "./stars";
export { recordEntityView, listRecentViews, MAX_RECENT_VIEWS } from "./recent-views";
export { getHome, sortByCi, MAX_HOME_COMPONENTS, type Home, type HomeComponent, type CatalogHealth } from "./home";
export { scopeQuery, LIST_SCOPES, type ListScope } from "./list-scope";
