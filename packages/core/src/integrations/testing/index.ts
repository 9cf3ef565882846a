export {
  adminOf,
  connectedOrg,
  FAKE_TOKEN,
  memoryFingerprints,
  recordingQueue,
  runToEnd,
  startGitHub,
  testDeps,
} from "./github-fixture";
