import { Checkbox, TextField } from '../../ui/fields';
import type { SectionProps } from './ConnectionFields';
import { SecretField } from './SecretField';

/** TLS: off by default; verification on unless the user turns it off, which is then flagged. */
export function TlsFields({ form, set, errors, saved, secretsKept, reveal }: SectionProps) {
  return (
    <fieldset className="section" aria-describedby={errors['tls'] ? 'pf-tls-error' : undefined}>
      <legend>TLS</legend>
      <Checkbox id="pf-tls" label="Use TLS" checked={form.tlsEnabled} onChange={(tlsEnabled) => set({ tlsEnabled })} />
      {form.tlsEnabled && (
        <>
          <div className="row">
            <TextField
              id="pf-ca"
              label="CA certificate file (optional)"
              placeholder="/path/to/ca.pem"
              value={form.caFile}
              onChange={(caFile) => set({ caFile })}
              error={errors['tls.caFile']}
            />
            <TextField
              id="pf-sni"
              label="Server name / SNI (optional)"
              placeholder="defaults to the host"
              value={form.serverName}
              onChange={(serverName) => set({ serverName })}
              error={errors['tls.serverName']}
            />
          </div>
          <div className="row">
            <TextField
              id="pf-cert"
              label="Client certificate file (optional)"
              value={form.certFile}
              onChange={(certFile) => set({ certFile })}
              error={errors['tls.certFile']}
            />
            <TextField
              id="pf-key"
              label="Client key file (optional)"
              value={form.keyFile}
              onChange={(keyFile) => set({ keyFile })}
              error={errors['tls.keyFile']}
            />
          </div>
          <SecretField
            id="pf-key-passphrase"
            label="Key passphrase (optional)"
            value={form.keyPassphrase}
            onChange={(keyPassphrase) => set({ keyPassphrase })}
            saved={secretsKept && !!saved?.tls.hasKeyPassphrase}
            clear={form.clearKeyPassphrase}
            onClear={(clearKeyPassphrase) => set({ clearKeyPassphrase })}
            reveal={reveal}
          />
          <Checkbox
            id="pf-tls-verify"
            label="Verify the server certificate and host name"
            checked={form.tlsVerify}
            onChange={(tlsVerify) => set({ tlsVerify })}
          />
          {!form.tlsVerify && (
            <p className="warning" role="note">
              Verification is off: anyone between you and the server can read and change this connection.
            </p>
          )}
        </>
      )}
      {errors['tls'] && (
        <p className="field-error" id="pf-tls-error" role="alert">
          {errors['tls']}
        </p>
      )}
    </fieldset>
  );
}

/** Rarely changed settings. */
export function AdvancedFields({ form, set, errors }: SectionProps) {
  return (
    <details className="section">
      <summary>Advanced</summary>
      <div className="row row-3">
        <TextField
          id="pf-timeout"
          label="Connect timeout (ms)"
          inputMode="numeric"
          value={form.connectTimeoutMs}
          onChange={(connectTimeoutMs) => set({ connectTimeoutMs })}
          error={errors['connectTimeoutMs']}
        />
        <TextField
          id="pf-delimiter"
          label="Key delimiter"
          value={form.keyDelimiter}
          onChange={(keyDelimiter) => set({ keyDelimiter })}
          error={errors['keyDelimiter']}
        />
        <TextField
          id="pf-scan"
          label="SCAN batch size"
          inputMode="numeric"
          value={form.scanCount}
          onChange={(scanCount) => set({ scanCount })}
          error={errors['scanCount']}
        />
      </div>
    </details>
  );
}
