"use client";

import { useEffect, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { MAX_SESSION_MINUTES, MIN_SESSION_MINUTES } from "@stagedoor/core/limits";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Card, Field, Input } from "@/components/ui";

const toValue = (text: string) => (text.trim() === "" ? null : Number(text));

export function SessionTimeoutsForm() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.sso.settings.queryOptions());
  const save = useMutation(trpc.sso.setSessionTimeouts.mutationOptions());
  const signOutAll = useMutation(
    trpc.sso.signOutEverywhere.mutationOptions({ onSuccess: () => window.location.assign("/sign-in") }),
  );
  const [idle, setIdle] = useState("");
  const [max, setMax] = useState("");
  useEffect(() => {
    setIdle(settings.data?.sessionIdleMinutes?.toString() ?? "");
    setMax(settings.data?.sessionMaxMinutes?.toString() ?? "");
  }, [settings.data]);
  const failure = save.error ? errorInfo(save.error) : null;
  return (
    <Card title="Sessions" description={`Minutes (${MIN_SESSION_MINUTES}–${MAX_SESSION_MINUTES}); empty for no limit.`}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ idleMinutes: toValue(idle), maxMinutes: toValue(max) });
        }}
      >
        <Field label="Idle timeout (minutes)" htmlFor="sso-idle" error={failure?.fields.idleMinutes}>
          <Input
            id="sso-idle"
            type="number"
            min={MIN_SESSION_MINUTES}
            max={MAX_SESSION_MINUTES}
            value={idle}
            onChange={(e) => setIdle(e.target.value)}
          />
        </Field>
        <Field label="Absolute timeout (minutes)" htmlFor="sso-max" error={failure?.fields.maxMinutes}>
          <Input
            id="sso-max"
            type="number"
            min={MIN_SESSION_MINUTES}
            max={MAX_SESSION_MINUTES}
            value={max}
            onChange={(e) => setMax(e.target.value)}
          />
        </Field>
        {failure ? <Alert>{failure.message}</Alert> : null}
        {save.isSuccess ? <Alert tone="success">Saved.</Alert> : null}
        <div className="flex gap-3">
          <Button type="submit" disabled={save.isPending}>
            Save
          </Button>
          <Button type="button" variant="secondary" disabled={signOutAll.isPending} onClick={() => signOutAll.mutate()}>
            Sign me out everywhere
          </Button>
        </div>
      </form>
    </Card>
  );
}
