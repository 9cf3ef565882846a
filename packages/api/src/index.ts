export { appRouter, type AppRouter } from "./root";
export { createCallerFactory } from "./trpc";
export { ORG_SLUG_HEADER, type Context, type SessionUser } from "./context";
export { handleTrpcRequest, TRPC_ENDPOINT, type TrpcHandlerOptions } from "./http/trpc-handler";
