import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { Duplex } from "node:stream";
import { NonPublicAddressError, type OutboundGuardOptions } from "./guarded-fetch";
import { nonPublicRange } from "./ip-ranges";

/**
 * Node http/https agents with the connect-time address check of guarded-fetch, for clients
 * that use node:http rather than fetch (the AWS SDK's S3 client). Every connection's DNS
 * answer is judged right before connecting; IP literals (which skip the lookup) are judged
 * in createConnection.
 */
export function createGuardedAgents(options: OutboundGuardOptions = {}): {
  httpAgent: http.Agent;
  httpsAgent: https.Agent;
} {
  const classify = options.allowPrivateNetworks ? () => null : (options.classify ?? nonPublicRange);
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      for (const { address } of addresses) {
        const range = classify(address);
        if (range) return callback(new NonPublicAddressError(hostname, address, range), "", 0);
      }
      if (lookupOptions.all) return callback(null, addresses);
      const family =
        lookupOptions.family === 6 || lookupOptions.family === "IPv6"
          ? 6
          : lookupOptions.family === 4 || lookupOptions.family === "IPv4"
            ? 4
            : 0;
      const first = addresses.find((a) => family === 0 || a.family === family);
      if (!first)
        return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), "", 0);
      return callback(null, first.address, first.family);
    });
  };
  const refuseLiteral = (host: string | undefined) => {
    const literal = (host ?? "").replace(/^\[|\]$/g, "");
    const range = isIP(literal) ? classify(literal) : null;
    return range ? new NonPublicAddressError(literal, literal, range) : null;
  };
  class GuardedHttpAgent extends http.Agent {
    override createConnection(
      opts: http.ClientRequestArgs,
      cb?: (err: Error | null, socket: Duplex) => void,
    ): Duplex | null | undefined {
      const refused = refuseLiteral(opts.host ?? opts.hostname ?? undefined);
      if (refused) throw refused;
      return super.createConnection({ ...opts, lookup } as http.ClientRequestArgs, cb);
    }
  }
  class GuardedHttpsAgent extends https.Agent {
    override createConnection(
      opts: http.ClientRequestArgs,
      cb?: (err: Error | null, socket: Duplex) => void,
    ): Duplex | null | undefined {
      const refused = refuseLiteral(opts.host ?? opts.hostname ?? undefined);
      if (refused) throw refused;
      return super.createConnection({ ...opts, lookup } as http.ClientRequestArgs, cb);
    }
  }
  return {
    httpAgent: new GuardedHttpAgent({ keepAlive: true }),
    httpsAgent: new GuardedHttpsAgent({ keepAlive: true }),
  };
}
