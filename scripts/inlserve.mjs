import http from 'node:http';
import sirv from 'sirv';
import compression from 'compression';
const files = sirv('/tmp/inl', { extensions: ['html'], dev: true });
const gz = compression({ threshold: 0, brotli: { params: {} } });
http.createServer((req, res) => gz(req, res, () => files(req, res))).listen(4440, '127.0.0.1');
