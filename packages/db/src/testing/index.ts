export { testDatabase, makeOrg, makeUser, makeMember, uniqueSlug } from "./factories";
export { createTestDatabase } from "./test-database";
