"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button } from "@/components/ui";

export function AcceptInvitation({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(
    trpc.invitations.accept.mutationOptions({ onSuccess: (org) => router.push(`/${org.slug}`) }),
  );
  return (
    <div className="space-y-3">
      {accept.error ? <Alert>{errorInfo(accept.error).message}</Alert> : null}
      <Button
        onClick={() => accept.mutate({ token })}
        disabled={accept.isPending || accept.isSuccess}
        className="w-full"
      >
        {accept.isPending || accept.isSuccess ? "Joining…" : "Accept invitation"}
      </Button>
    </div>
  );
}
