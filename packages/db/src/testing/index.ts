export { testDatabase, makeOrg, makeUser, makeMember, setOrgPlan, uniqueSlug } from "./factories";
export { createTestDatabase } from "./test-database";
