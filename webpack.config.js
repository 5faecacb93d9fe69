// Builds the task pane (dist/taskpane.html), the ribbon's function file (dist/commands.html), the
// browser workbench (dist/workbench.html) and the icons (dist/assets/).
//
// office.js comes from Microsoft's CDN (package.json config.office_js), as Microsoft requires of
// add-ins. Only for a closed network without Internet, `QUY_HOACH_OFFICE_JS=self npm run build`
// copies @microsoft/office-js into dist/office-js/ and the pages load that copy instead (a copy that
// is not updated: the add-in checks what the library has before it uses it, src/hosts/excel/requirements.ts).
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { dev_server_port: excelPort, office_js: officeJsCdn } = require('./package.json').config;
// The workbench (npm start on Linux) may run on another port (QUY_HOACH_PORT, scripts/start.mjs); Excel's add-in keeps manifest.xml's.
const port = (process.env.QUY_HOACH_HTTP === '1' && Number(process.env.QUY_HOACH_PORT)) || excelPort;

const officeJsFolder = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
const selfHosted = process.env.QUY_HOACH_OFFICE_JS === 'self';
const officeJs = selfHosted ? 'office-js/office.js' : officeJsCdn;

/**
 * The pages' Content-Security-Policy: scripts from the add-in and from Microsoft's office.js origin
 * (none but the add-in's when office.js is self-hosted), nothing fetched, framed or posted anywhere
 * else — so office.js's telemetry (a hidden frame, its beacons) is refused. Styles inline: Fluent UI
 * writes its styles into the page.
 */
const csp = [
  "default-src 'self'",
  `script-src 'self'${selfHosted ? '' : ` ${new URL(officeJsCdn).origin}`}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const serving = process.env.WEBPACK_SERVE === 'true';
  const page = (filename, template, chunks) => new HtmlWebpackPlugin({ filename, template, chunks, templateParameters: { officeJs, csp } });
  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      // The browser workbench (issue 7): the same pane over an .xlsx file, ExcelJS fetched lazily.
      workbench: './src/workbench/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    plugins: [
      page('taskpane.html', './src/taskpane/taskpane.html', ['taskpane']),
      new HtmlWebpackPlugin({ filename: 'workbench.html', template: './src/workbench/workbench.html', chunks: ['workbench'] }),
      page('commands.html', './src/commands/commands.html', []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          // The workbench's sample workbooks (samples/make-samples.ts), behind "Mở tệp mẫu".
          { from: '*.xlsx', context: 'samples', to: 'samples' },
          // Self-hosted office.js only: it loads its host scripts (excel-*.js) and strings (<locale>/office_strings.js) beside itself.
          ...(selfHosted
            ? [
                { from: '*.js', context: officeJsFolder, to: 'office-js', globOptions: { ignore: ['**/*.debug.js', '**/*-vsdoc.js'] }, filter: (p) => /[\\/](office|o15apptofilemappingtable|excel[\w.-]*)\.js$/.test(p) },
                { from: '*/office_strings.js', context: officeJsFolder, to: 'office-js' },
              ]
            : []),
        ],
      }),
    ],
    performance: { hints: false },
    devServer: serving
      ? {
          port,
          // The workbench over plain HTTP answers this machine only.
          ...(process.env.QUY_HOACH_HTTP === '1' ? { host: 'localhost' } : {}),
          static: { directory: path.resolve(__dirname, 'dist') },
          headers: { 'Access-Control-Allow-Origin': '*' },
          // `npm start` in browser mode (Linux, --browser) serves plain HTTP on localhost (a secure
          // context, no certificate warning); Office (desktop sideloading, --web) needs HTTPS.
          server: process.env.QUY_HOACH_HTTP === '1' ? { type: 'http' } : { type: 'https', options: await require('./scripts/https-options').httpsOptions() },
          client: { overlay: false },
        }
      : undefined,
  };
};
