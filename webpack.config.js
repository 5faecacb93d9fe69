// Builds the task pane (dist/taskpane.html), the ribbon's function file (dist/commands.html),
// the icons (dist/assets/) and a self-hosted copy of office.js (dist/office-js/).
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
// The workbench (npm start on Linux) may run on another port (QUY_HOACH_PORT, scripts/start.mjs); Excel's add-in keeps manifest.xml's.
const port = (process.env.QUY_HOACH_HTTP === '1' && Number(process.env.QUY_HOACH_PORT)) || require('./package.json').config.dev_server_port;

const officeJs = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const serving = process.env.WEBPACK_SERVE === 'true';
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
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'workbench.html', template: './src/workbench/workbench.html', chunks: ['workbench'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: [] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          // The workbench's sample workbooks (samples/make-samples.ts), behind "Mở tệp mẫu".
          { from: '*.xlsx', context: 'samples', to: 'samples' },
          // office.js loads its host scripts (excel-*.js) and strings (<locale>/office_strings.js) beside itself.
          { from: '*.js', context: officeJs, to: 'office-js', globOptions: { ignore: ['**/*.debug.js', '**/*-vsdoc.js'] }, filter: (p) => /[\\/](office|o15apptofilemappingtable|excel[\w.-]*)\.js$/.test(p) },
          { from: '*/office_strings.js', context: officeJs, to: 'office-js' },
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
