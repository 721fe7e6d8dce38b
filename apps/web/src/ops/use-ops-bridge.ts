import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Case, CaseDetail, OpsSnapshot } from '@cbo/contracts';
import type { ConnectionState } from '../realtime/traffic-socket';
import { ValueStore } from '../realtime/value-store';
import { applyAlertEvents, applyCaseChange, applyCaseChangeToDetail } from './apply-ops-change';
import { opsKeys } from './ops-queries';
import { OpsSocket } from './ops-socket';

/** What a screen gets from the live alert and case events. */
export interface OpsBridge {
  connection: ConnectionState;
}

/** Called for a case that became red: opened red, or escalated to red. */
export type RedCaseListener = (c: Case) => void;

const isRed = (c: Case | undefined): boolean => c?.severity === 'red';

/**
 * The one place pushed alert and case events enter a screen: snapshots replace the snapshot query, case
 * changes and alert events are merged into it and into the open case's detail query with `setQueryData`;
 * KPIs are re-fetched after a case change (throttled by the query). `onRedCase` hears each case turning red.
 */
export function useOpsBridge(onRedCase?: RedCaseListener): OpsBridge {
  const queryClient = useQueryClient();
  const [connectionStore] = useState(() => new ValueStore<ConnectionState>('connecting'));
  const redListener = useRef(onRedCase);
  useEffect(() => {
    redListener.current = onRedCase;
  });

  useEffect(() => {
    let kpiTimer: ReturnType<typeof setTimeout> | undefined;
    const socket = new OpsSocket(
      {
        onSnapshot: (snapshot) => queryClient.setQueryData<OpsSnapshot>(opsKeys.snapshot, snapshot),
        onAlertEvents: (events) =>
          queryClient.setQueryData<OpsSnapshot>(opsKeys.snapshot, (s) =>
            s ? { ...s, alerts: applyAlertEvents(s.alerts, events) } : s,
          ),
        onCaseChanged: (change) => {
          const before = queryClient
            .getQueryData<OpsSnapshot>(opsKeys.snapshot)
            ?.cases.find((c) => c.id === change.case.id);
          queryClient.setQueryData<OpsSnapshot>(opsKeys.snapshot, (s) =>
            s ? applyCaseChange(s, change) : s,
          );
          queryClient.setQueryData<CaseDetail>(opsKeys.case(change.case.id), (d) =>
            d ? applyCaseChangeToDetail(d, change) : d,
          );
          if (isRed(change.case) && !isRed(before)) redListener.current?.(change.case);
          clearTimeout(kpiTimer);
          kpiTimer = setTimeout(
            () => void queryClient.invalidateQueries({ queryKey: opsKeys.snapshot }),
            5_000,
          );
        },
      },
      connectionStore,
    );
    return () => {
      clearTimeout(kpiTimer);
      socket.close();
    };
  }, [queryClient, connectionStore]);

  const connection = useSyncExternalStore(connectionStore.subscribe, connectionStore.get);
  return { connection };
}
