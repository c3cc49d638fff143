import { useEffect, useState, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { ToBackground } from '@/lib/messages';
import { getSyncMeta, pendingChanges, startSyncing } from '@/lib/storage/sync/device';
import {
  getConnection,
  getSyncStatus,
  originPattern,
  setConnection,
  watchSyncStatus,
  type SyncStatus,
} from '@/lib/sync-service';
import { ServerConnection, SyncError, whoAmI } from '@/lib/sync/client';
import type { MeResponse } from '@/lib/sync/protocol';
import { Banner } from '../Banner';
import { database, messageOf, onDataChanged } from '../data';

type Notice = { tone: 'ok' | 'warn' | 'error'; text: string } | null;

interface Connected {
  url: string;
  workspace: string;
  pending: number;
  joining: boolean;
  setAside?: { count: number; reason: string };
}

/**
 * Sync with a Rapport server, off until the rep connects one. Connecting asks the browser for
 * that one server's address then, and only it; disconnecting gives it back.
 */
export function SyncSection(): ReactNode {
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [connected, setConnected] = useState<Connected | null>(null);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const reload = async (): Promise<void> => {
    setConnected(await loadConnected());
    setStatus(await getSyncStatus());
  };

  useEffect(() => {
    void reload();
    const stopStatus = watchSyncStatus((next) => {
      setStatus(next);
      void loadConnected().then(setConnected);
    });
    const stopData = onDataChanged(() => void loadConnected().then(setConnected));

    return () => {
      stopStatus();
      stopData();
    };
  }, []);

  /**
   * Checks the address and token, asks for that one host, asks the server whose token it is,
   * and hands that on; every failure becomes the notice. Browsers ask the rep only while a
   * click is being handled, so the host is asked for before anything else, every time: the
   * browser does not ask again while it is still allowed.
   */
  const withServer = async (
    input: { url: string; token: string },
    then: (connection: ServerConnection, me: MeResponse) => Promise<void>,
  ): Promise<void> => {
    const parsed = ServerConnection.safeParse(input);

    if (!parsed.success) {
      setNotice({ tone: 'error', text: parsed.error.issues[0]?.message ?? '' });
      return;
    }

    const origins = [originPattern(parsed.data.url)];
    const granted = await browser.permissions.request({ origins }).catch(() => false);

    if (!granted) {
      setNotice({ tone: 'error', text: i18n.t('sync.refused') });
      return;
    }

    setBusy(true);
    try {
      await then(parsed.data, await whoAmI(parsed.data));
    } catch (error) {
      setNotice({ tone: 'error', text: failureText(error) });
    } finally {
      setBusy(false);
    }
  };

  const connect = (): Promise<void> =>
    withServer({ url, token }, async (connection, me) => {
      const workspaceId = me.workspace.id;
      // The sync state first: a run in between finds it for another workspace and waits.
      await startSyncing(await database(), { serverUrl: connection.url, workspaceId });
      await setConnection({ ...connection, workspaceId });
      setToken('');
      setNotice({
        tone: 'ok',
        text: i18n.t('sync.connected', [me.workspace.name, me.member.name]),
      });
      await syncNow();
      await reload();
    });

  /**
   * A new token for the same workspace takes the place of the old one, and sync goes on where
   * it stopped: disconnecting and connecting again would make this device join afresh.
   */
  const replaceToken = async (): Promise<void> => {
    if (!connected) return;

    await withServer({ url: connected.url, token }, async (connection, me) => {
      if (me.workspace.id !== connected.workspace) {
        setNotice({ tone: 'error', text: i18n.t('sync.otherWorkspace', [me.workspace.name]) });
        return;
      }

      await setConnection({ ...connection, workspaceId: me.workspace.id });
      setToken('');
      setNotice({ tone: 'ok', text: i18n.t('sync.tokenReplaced') });
      await syncNow();
      await reload();
    });
  };

  /**
   * Stops syncing but keeps this device's place in the workspace: changes made meanwhile are
   * queued at the time they are made, and connecting to the same workspace again sends them,
   * ordered among the others' by when they were made, as after any time offline.
   */
  const disconnect = async (): Promise<void> => {
    if (!connected) return;

    try {
      await setConnection(null);
      await browser.permissions
        .remove({ origins: [originPattern(connected.url)] })
        .catch(() => false);
      setNotice({ tone: 'ok', text: i18n.t('sync.disconnected') });
      await reload();
    } catch (error) {
      setNotice({ tone: 'error', text: messageOf(error) });
    }
  };

  return (
    <section aria-labelledby="sync-heading" data-testid="sync">
      <h2 id="sync-heading">{i18n.t('sync.section')}</h2>
      <p className="muted">{i18n.t('sync.about')}</p>
      {connected ? (
        <>
          <p data-testid="sync-connected">{i18n.t('sync.connectedTo', [connected.url])}</p>
          <SyncState status={status} connected={connected} />
          <div className="row">
            <button disabled={busy} onClick={() => void syncNow()}>
              {i18n.t('sync.now')}
            </button>
            <button onClick={() => void disconnect()}>{i18n.t('sync.disconnect')}</button>
          </div>
          {status?.state === 'failed' && TOKEN_FAILURES.has(status.failure ?? '') && (
            <form
              data-testid="sync-replace-token"
              onSubmit={(e) => {
                e.preventDefault();
                void replaceToken();
              }}
            >
              <TokenField label={i18n.t('sync.newToken')} value={token} onChange={setToken} />
              <button type="submit" disabled={busy}>
                {i18n.t('sync.replaceToken')}
              </button>
            </form>
          )}
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void connect();
          }}
        >
          <label className="field">
            {i18n.t('sync.url')}
            <input
              name="syncUrl"
              type="url"
              placeholder="https://rapport.example.com"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          </label>
          <TokenField label={i18n.t('sync.token')} value={token} onChange={setToken} />
          <button type="submit" disabled={busy}>
            {busy ? i18n.t('sync.connecting') : i18n.t('sync.connect')}
          </button>
        </form>
      )}
      {notice && <Banner tone={notice.tone}>{notice.text}</Banner>}
    </section>
  );
}

/** Failures a new token (or allowing the server again, asked along with it) puts right. */
const TOKEN_FAILURES = new Set(['unauthorized', 'token-revoked', 'no-permission']);

function TokenField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}): ReactNode {
  return (
    <label className="field">
      {props.label}
      <input
        name="syncToken"
        type="password"
        autoComplete="off"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

function SyncState(props: { status: SyncStatus | null; connected: Connected }): ReactNode {
  const { status, connected } = props;
  const last = status?.lastSyncAt
    ? new Date(status.lastSyncAt).toLocaleString()
    : i18n.t('sync.never');

  return (
    <>
      <p data-testid="sync-status">
        {status?.state === 'syncing' ? i18n.t('sync.syncing') : i18n.t('sync.lastSync', [last])}
        {' · '}
        {i18n.t('sync.pending', [String(connected.pending)])}
      </p>
      {connected.joining && <p className="muted">{i18n.t('sync.joining')}</p>}
      {connected.setAside && (
        <Banner tone="warn">
          {i18n.t('sync.setAside', [String(connected.setAside.count), connected.setAside.reason])}
        </Banner>
      )}
      {status?.state === 'failed' && (
        <Banner tone={status.failure === 'unreachable' ? 'warn' : 'error'}>
          {statusText(status)}
        </Banner>
      )}
    </>
  );
}

async function loadConnected(): Promise<Connected | null> {
  const db = await database();
  const [connection, meta] = await Promise.all([getConnection(), getSyncMeta(db)]);

  if (!connection || !meta) return null;

  return {
    url: connection.url,
    workspace: meta.workspaceId,
    pending: await pendingChanges(db),
    joining: meta.joining === true,
    ...(meta.setAside && { setAside: meta.setAside }),
  };
}

async function syncNow(): Promise<void> {
  const message: ToBackground = { type: 'sync/now' };
  await browser.runtime.sendMessage(message).catch(() => undefined);
}

function statusText(status: SyncStatus): string {
  switch (status.failure) {
    case 'unreachable':
      return i18n.t('sync.unreachable');
    case 'token-revoked':
      return i18n.t('sync.revoked');
    case 'unauthorized':
      return i18n.t('sync.unauthorized');
    case 'no-permission':
      return i18n.t('sync.noPermission');
    default:
      return i18n.t('sync.failed', [status.message ?? '']);
  }
}

function failureText(error: unknown): string {
  if (error instanceof SyncError)
    return statusText({ state: 'failed', failure: error.failure, message: error.message });

  return i18n.t('sync.failed', [messageOf(error)]);
}
