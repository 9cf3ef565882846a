// What the S3 export reader uses of the AWS SDK, imported only through loadS3Sdk()
// (s3-export.ts). A dynamic import of this local module, not of the packages themselves:
// bundlers split it into its own chunk and keep the packages' imports as they always have.
export { GetObjectCommand, ListObjectsV2Command, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
export { NodeHttpHandler } from "@smithy/node-http-handler";
