export {
  createSecretBox,
  parseKeyring,
  SecretBoxError,
  type Keyring,
  type SealOptions,
  type SecretBox,
  type SecretBoxErrorCode,
} from "./secret-box";
