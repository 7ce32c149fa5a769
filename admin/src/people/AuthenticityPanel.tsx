import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useCanAccess, useDataProvider, useNotify, useRecordContext } from 'react-admin';
import type { PersonRecord } from '../api/records';
import { fieldErrorsOf } from '../api/readableErrors';
import type { AuthenticityFlag, FlagDecision, FlagKind, FlagStatus } from '../api/swayQueries';
import { humanise, networkName } from '../common/choices';
import { excerpt, ShowLink } from '../common/fields';
import { formatDateTime } from '../common/RecordHeader';
import { NoneYet, Section } from '../common/Section';
import type { SwayDataProvider } from '../dataProvider';

/** Each flag kind in words (the schema's descriptions, shortened). */
export const FLAG_KIND_LABELS: Record<FlagKind, string> = {
  SELF_ENGAGEMENT: 'Self-engagement',
  ENGAGEMENT_RING: 'Engagement ring',
  BURST: 'Burst of reactions',
  SOCK_PUPPET: 'Sock puppets',
  MASS_FOLLOW: 'Mass following',
  DUPLICATE_CONTENT: 'Duplicate content',
  K_TRADING: '+K trading',
};

const STATUS_COLOURS: Record<FlagStatus, 'warning' | 'error' | 'default'> = { PENDING: 'warning', CONFIRMED: 'error', DISMISSED: 'default' };

export const FlagStatusChip = ({ status }: { status: FlagStatus }) => (
  <Chip size="small" label={status} color={STATUS_COLOURS[status]} variant="outlined" data-testid="flag-status" title={humanise(status)} />
);

/** How many of a long evidence list are shown before "and N more". */
const SHOWN = 12;

const figure = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 }));
const points = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

const More = ({ total }: { total: number }) => (total > SHOWN ? <Typography variant="caption" sx={{ color: 'text.secondary' }}>and {total - SHOWN} more</Typography> : null);

const EvidenceRow = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '150px 1fr' }, gap: { xs: 0, sm: 1 }, py: 0.5 }}>
    <Typography variant="body2" sx={{ color: 'text.secondary' }}>
      {label}
    </Typography>
    <Box sx={{ minWidth: 0, overflowWrap: 'anywhere' }}>{children}</Box>
  </Box>
);

const FlagCard = ({ flag, onReview }: { flag: AuthenticityFlag; onReview: (flag: AuthenticityFlag, decision: FlagDecision) => void }) => {
  const { evidence, effect } = flag;
  return (
    <Paper variant="outlined" sx={{ p: 1.5, minWidth: 0 }} data-testid="authenticity-flag" data-flag-id={flag.id}>
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 0.5 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {FLAG_KIND_LABELS[flag.kind] ?? humanise(flag.kind)}
        </Typography>
        <FlagStatusChip status={flag.status} />
        <Chip size="small" label={flag.role === 'ACTOR' ? 'Did it' : 'Done for them'} variant="outlined" />
        {flag.network && <Chip size="small" label={networkName(flag.network)} variant="outlined" />}
      </Stack>
      <Typography variant="body2" sx={{ mb: 1 }} data-testid="flag-summary">
        {evidence.summary}
      </Typography>
      <Box data-testid="flag-evidence">
        <EvidenceRow label="Interactions">{evidence.interactionCount.toLocaleString('en-US')}</EvidenceRow>
        <EvidenceRow label="When">
          {formatDateTime(evidence.window.from)} – {formatDateTime(evidence.window.to)}
        </EvidenceRow>
        {evidence.figures.length > 0 && (
          <EvidenceRow label="Figures">
            <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
              {evidence.figures.map((f) => (
                <Chip key={f.name} size="small" variant="outlined" label={`${f.name} ${figure(f.value)}`} />
              ))}
            </Stack>
          </EvidenceRow>
        )}
        {evidence.accounts.length > 0 && (
          <EvidenceRow label={`Accounts (${evidence.accounts.length})`}>
            <Stack direction="row" sx={{ flexWrap: 'wrap', columnGap: 1.5, rowGap: 0.25 }}>
              {evidence.accounts.slice(0, SHOWN).map((a) => (
                <Typography key={a.id} variant="body2" component="span">
                  <ShowLink resource="accounts" id={a.id}>
                    {a.handle}
                  </ShowLink>{' '}
                  <Typography variant="caption" component="span" sx={{ color: 'text.secondary' }}>
                    {networkName(a.network)}
                  </Typography>
                </Typography>
              ))}
              <More total={evidence.accounts.length} />
            </Stack>
          </EvidenceRow>
        )}
        {evidence.people.length > 0 && (
          <EvidenceRow label={`People (${evidence.people.length})`}>
            <Stack direction="row" sx={{ flexWrap: 'wrap', columnGap: 1.5, rowGap: 0.25 }}>
              {evidence.people.slice(0, SHOWN).map((p) => (
                <Typography key={p.id} variant="body2" component="span">
                  <ShowLink resource="people" id={p.id}>
                    {p.displayName}
                  </ShowLink>
                </Typography>
              ))}
              <More total={evidence.people.length} />
            </Stack>
          </EvidenceRow>
        )}
        {evidence.content.length > 0 && (
          <EvidenceRow label={`Content (${evidence.content.length})`}>
            {evidence.content.slice(0, 5).map((c) => (
              <Typography key={c.id} variant="body2">
                <ShowLink resource="content" id={c.id}>
                  {excerpt(c.text, 70)}
                </ShowLink>
              </Typography>
            ))}
            {evidence.content.length > 5 && <Typography variant="caption" sx={{ color: 'text.secondary' }}>and {evidence.content.length - 5} more</Typography>}
          </EvidenceRow>
        )}
        <EvidenceRow label="Effect">
          <Typography variant="body2" data-testid="flag-effect">
            {flag.status === 'DISMISSED'
              ? // Dismissed: it no longer lowers authenticity (the API may still report the points it carried).
                `None on authenticity now (dismissed; it took ${points(effect.authenticityPoints)} points)`
              : `−${points(effect.authenticityPoints)} authenticity points`}
            {effect.scorePoints !== null && effect.scorePoints > 0.05 ? ` · −${points(effect.scorePoints)} score points at the last full rescore` : ''} ·{' '}
            {effect.discountedInteractions.toLocaleString('en-US')} interactions discounted (kept at weight {figure(effect.weight)})
          </Typography>
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {effect.description}
          </Typography>
        </EvidenceRow>
        <EvidenceRow label="Found">
          {formatDateTime(flag.detectedAt)}
          {flag.lastSeenAt !== flag.detectedAt ? `, last seen ${formatDateTime(flag.lastSeenAt)}` : ''}
        </EvidenceRow>
        <EvidenceRow label="Reviews">
          {flag.reviews.length === 0 ? (
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              Not reviewed yet.
            </Typography>
          ) : (
            <Box component="ol" sx={{ m: 0, pl: 2.5 }} data-testid="flag-reviews">
              {flag.reviews.map((r, i) => (
                <Typography key={i} component="li" variant="body2">
                  <strong>{humanise(r.decision)}</strong> {formatDateTime(r.decidedAt)}
                  {r.reviewer ? ` by ${r.reviewer.email}` : ''}: “{r.reason}”
                </Typography>
              ))}
            </Box>
          )}
        </EvidenceRow>
      </Box>
      <Stack direction="row" sx={{ gap: 1, mt: 1, justifyContent: 'flex-end' }}>
        <Button size="small" color="error" variant={flag.status === 'CONFIRMED' ? 'text' : 'outlined'} onClick={() => onReview(flag, 'CONFIRMED')}>
          Confirm
        </Button>
        <Button size="small" variant={flag.status === 'DISMISSED' ? 'text' : 'outlined'} onClick={() => onReview(flag, 'DISMISSED')}>
          Dismiss
        </Button>
      </Stack>
    </Paper>
  );
};

/** Asks why, then calls reviewFlag; the server's BAD_USER_INPUT on `reason` shows under the field. */
const ReviewDialog = ({ target, onClose, onDone }: { target: { flag: AuthenticityFlag; decision: FlagDecision } | null; onClose: () => void; onDone: () => Promise<void> }) => {
  const dataProvider = useDataProvider<SwayDataProvider>();
  const notify = useNotify();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    if (busy) return;
    setReason('');
    setReasonError(null);
    setError(null);
    onClose();
  };

  const submit = async () => {
    if (!target) return;
    setBusy(true);
    setReasonError(null);
    setError(null);
    try {
      const result = await dataProvider.reviewFlag(target.flag.id, target.decision, reason);
      notify(`Flag ${result.flag.status.toLowerCase()}; authenticity is now ${points(result.authenticity)}`, { type: 'success' });
      await onDone();
      setReason('');
      onClose();
    } catch (e) {
      const fields = fieldErrorsOf(e);
      if (fields.reason) setReasonError(fields.reason);
      else setError(e instanceof Error ? e.message : 'The review could not be saved.');
    } finally {
      setBusy(false);
    }
  };

  const verb = target?.decision === 'CONFIRMED' ? 'Confirm' : 'Dismiss';
  return (
    <Dialog open={Boolean(target)} onClose={close} fullWidth maxWidth="sm">
      <DialogTitle>
        {verb} the {target ? (FLAG_KIND_LABELS[target.flag.kind] ?? humanise(target.flag.kind)).toLowerCase() : ''} flag
      </DialogTitle>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <DialogContent sx={{ pt: 0 }}>
          <DialogContentText sx={{ mb: 2 }}>
            {target?.decision === 'CONFIRMED'
              ? 'The manipulation is real: the flag stays, with its discount.'
              : 'A false alarm: the flag stops lowering authenticity at once, and its discount goes at the next full rescore.'}{' '}
            Say why; the reason is kept with the decision.
          </DialogContentText>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            label="Reason"
            name="reason"
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setReasonError(null);
            }}
            error={Boolean(reasonError)}
            helperText={reasonError ?? ' '}
          />
          {error && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" color={target?.decision === 'CONFIRMED' ? 'error' : 'primary'} disabled={busy}>
            {verb}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};

const Panel = ({ personId }: { personId: string }) => {
  const dataProvider = useDataProvider<SwayDataProvider>();
  const queryClient = useQueryClient();
  const queryKey = ['people', 'authenticity', personId];
  const { data, error, isPending } = useQuery({ queryKey, queryFn: () => dataProvider.getAuthenticity(personId) });
  const [target, setTarget] = useState<{ flag: AuthenticityFlag; decision: FlagDecision } | null>(null);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey });
    await queryClient.invalidateQueries({ queryKey: ['newFlags'] });
  };

  if (error) return <Alert severity="error">{error instanceof Error ? error.message : 'Authenticity could not be loaded.'}</Alert>;
  if (isPending) return <LinearProgress />;
  if (!data) return <NoneYet>No authenticity figure (the person opted out of scoring).</NoneYet>;
  const flags = data.flags ?? [];
  return (
    <Box data-testid="authenticity-panel">
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1, mb: 1 }}>
        <Typography variant="h3" component="p" data-testid="authenticity-score">
          {points(data.score)}
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          out of 100 · {flags.length === 0 ? 'nothing suspicious found' : `${flags.length} flag${flags.length === 1 ? '' : 's'}, ${flags.filter((f) => f.status === 'PENDING').length} to review`}
        </Typography>
      </Stack>
      <Stack sx={{ gap: 1.5 }}>
        {flags.map((flag) => (
          <FlagCard key={flag.id} flag={flag} onReview={(f, decision) => setTarget({ flag: f, decision })} />
        ))}
      </Stack>
      <ReviewDialog target={target} onClose={() => setTarget(null)} onDone={refresh} />
    </Box>
  );
};

/**
 * The influencer page's "Authenticity" panel: the figure from 0 to 100 and each flag with its
 * evidence, its effect, its reviews and Confirm / Dismiss. ADMINs and ANALYSTs only (the API shows
 * other roles no flags); everyone else sees no panel.
 */
export const AuthenticityPanel = () => {
  const person = useRecordContext<PersonRecord>();
  const { canAccess } = useCanAccess({ resource: 'authenticityFlags', action: 'list' });
  if (!person || !canAccess) return null;
  return (
    <Section title="Authenticity">
      <Panel personId={String(person.id)} />
    </Section>
  );
};
