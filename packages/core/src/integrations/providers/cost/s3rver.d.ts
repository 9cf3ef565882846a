// s3rver (the local S3-compatible server the cost tests use) ships no types.
declare module "s3rver" {
  import type { AddressInfo } from "node:net";
  type Options = {
    port?: number;
    address?: string;
    silent?: boolean;
    directory?: string;
    configureBuckets?: Array<{ name: string }>;
  };
  export default class S3rver {
    constructor(options: Options);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
