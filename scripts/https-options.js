// HTTPS for the dev server (Office requires https for add-ins).
// Windows and macOS: office-addin-dev-certs installs a trusted developer CA (asks once).
// Elsewhere (Linux): installing the CA needs sudo, so the generated certificate is used as it is;
// browsers then need to accept it (headless tests pass ignoreHTTPSErrors).
const fs = require('fs');
const devCerts = require('office-addin-dev-certs');
const defaults = require('office-addin-dev-certs/lib/defaults');

async function httpsOptions() {
  if (process.platform === 'win32' || process.platform === 'darwin') {
    const o = await devCerts.getHttpsServerOptions();
    return { ca: o.ca, key: o.key, cert: o.cert };
  }
  const fresh = (p) => fs.existsSync(p) && Date.now() - fs.statSync(p).mtimeMs < 25 * 86_400_000;
  if (!fresh(defaults.localhostCertificatePath) || !fs.existsSync(defaults.localhostKeyPath)) {
    await devCerts.generateCertificates();
  }
  return {
    ca: fs.readFileSync(defaults.caCertificatePath),
    cert: fs.readFileSync(defaults.localhostCertificatePath),
    key: fs.readFileSync(defaults.localhostKeyPath),
  };
}

module.exports = { httpsOptions };
