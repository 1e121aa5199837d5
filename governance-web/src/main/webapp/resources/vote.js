/*
 * Herdbook voting page: the member's key never leaves the browser.
 *
 * A non-extractable key (Ed25519 where WebCrypto has it, ECDSA P-256 otherwise) is generated once
 * per member and ballot and kept in IndexedDB, so a revote from the same browser signs with the
 * same registered key. The vote is a compact JWS exactly as the README's "A vote" documents:
 * header {alg, typ: "vote+jwt", kid: RFC 7638 thumbprint}, claims {aud, manifestHash, choice, jti,
 * iat, seq}. Registration sends the session's CSRF token; the vote itself needs none, its
 * signature is its authentication.
 *
 * The page trusts nothing the server says without checking it: the receipt and every tree head
 * must carry a valid signature by the foundation key fixed in the ballot's manifest (shown and
 * hashed at opening), the receipt's ballot id must be SHA-256 of the vote this browser signed, and
 * an inclusion proof must lead to the root of a signed tree head.
 */
(function () {
    'use strict';

    var root = document.getElementById('voting');
    if (!root) {
        return;
    }
    var data = root.dataset;
    var statusLine = document.getElementById('status');
    var encoder = new TextEncoder();

    function say(text) {
        statusLine.textContent = text;
    }

    function b64u(bytes) {
        var binary = '';
        var view = new Uint8Array(bytes);
        for (var i = 0; i < view.length; i++) {
            binary += String.fromCharCode(view[i]);
        }
        return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function fromB64u(text) {
        var binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
        var bytes = new Uint8Array(binary.length);
        for (var i = 0; i < binary.length; i++) {
            bytes[i] = binary.charCodeAt(i);
        }
        return bytes;
    }

    function sha256(bytes) {
        return crypto.subtle.digest('SHA-256', bytes).then(function (hash) {
            return new Uint8Array(hash);
        });
    }

    function concat(parts) {
        var length = parts.reduce(function (sum, part) { return sum + part.length; }, 0);
        var out = new Uint8Array(length);
        var offset = 0;
        parts.forEach(function (part) {
            out.set(part, offset);
            offset += part.length;
        });
        return out;
    }

    var decoder = new TextDecoder();
    var foundationKey = null;

    // The foundation's public key as the ballot's manifest fixes it (never a key named by a JWS
    // header): Ed25519 (alg EdDSA) or P-256 (alg ES256). Null when this browser cannot use it.
    function serverKey() {
        if (!foundationKey) {
            var jwk = JSON.parse(data.serverKey);
            var okp = jwk.kty === 'OKP';
            var bare = okp ? { kty: 'OKP', crv: jwk.crv, x: jwk.x } : { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y };
            foundationKey = crypto.subtle.importKey('jwk', bare, okp ? { name: 'Ed25519' }
                : { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']).then(function (key) {
                return { key: key, algs: okp ? ['EdDSA', 'Ed25519'] : ['ES256'],
                    params: okp ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' } };
            }, function () {
                return null;
            });
        }
        return foundationKey;
    }

    // The claims of a compact JWS of type typ signed by the foundation's key, or null if the type,
    // the algorithm or the signature is wrong. Rejects with 'no-verify' when the browser cannot check.
    function serverClaims(compact, typ) {
        return serverKey().then(function (server) {
            if (!server) {
                throw new Error('no-verify');
            }
            var parts = String(compact).split('.');
            if (parts.length !== 3) {
                return null;
            }
            var header;
            var claims;
            try {
                header = JSON.parse(decoder.decode(fromB64u(parts[0])));
                claims = JSON.parse(decoder.decode(fromB64u(parts[1])));
            } catch (e) {
                return null;
            }
            if (header.typ !== typ || server.algs.indexOf(header.alg) < 0) {
                return null;
            }
            return crypto.subtle.verify(server.params, server.key, fromB64u(parts[2]),
                encoder.encode(parts[0] + '.' + parts[1])).then(function (valid) {
                return valid ? claims : null;
            });
        });
    }

    // A receipt is good when the foundation signed it and its tree head, it names this ballot, and
    // its ballot id is SHA-256 of the signing input of the vote this browser cast (when known).
    function receiptChecks(receipt, vote) {
        var expectedId = vote ? sha256(encoder.encode(vote.split('.').slice(0, 2).join('.'))).then(b64u)
            : Promise.resolve(receipt.ballotId);
        return Promise.all([serverClaims(receipt.receipt, 'vote-receipt+jwt'), expectedId]).then(function (both) {
            var claims = both[0];
            if (!claims || claims.ballot !== data.ballotUri || claims.ballotId !== both[1]
                    || claims.ballotId !== receipt.ballotId || claims.leafIndex !== receipt.leafIndex) {
                return false;
            }
            return serverClaims(claims.treeHead, 'tree-head+jwt').then(function (head) {
                return !!head && head.ballot === data.ballotUri && head.treeSize > claims.leafIndex;
            });
        });
    }

    // IndexedDB: one record per member and ballot, holding the CryptoKey itself (structured clone
    // keeps it non-extractable), its public JWK, alg, kid, the last seq and the last receipt.
    function store(mode) {
        return new Promise(function (resolve, reject) {
            var request = indexedDB.open('herdbook-voting', 1);
            request.onupgradeneeded = function () {
                request.result.createObjectStore('keys');
            };
            request.onsuccess = function () {
                resolve(request.result.transaction('keys', mode).objectStore('keys'));
            };
            request.onerror = function () {
                reject(request.error);
            };
        });
    }

    function load(name) {
        return store('readonly').then(function (keys) {
            return new Promise(function (resolve, reject) {
                var request = keys.get(name);
                request.onsuccess = function () { resolve(request.result); };
                request.onerror = function () { reject(request.error); };
            });
        });
    }

    function save(name, value) {
        return store('readwrite').then(function (keys) {
            return new Promise(function (resolve, reject) {
                var request = keys.put(value, name);
                request.onsuccess = function () { resolve(value); };
                request.onerror = function () { reject(request.error); };
            });
        });
    }

    var recordName = data.member + ':' + data.ballot;

    // RFC 7638: the required members only, in lexicographic order, no whitespace.
    function thumbprint(jwk) {
        var canonical = jwk.kty === 'OKP'
            ? '{"crv":"' + jwk.crv + '","kty":"OKP","x":"' + jwk.x + '"}'
            : '{"crv":"' + jwk.crv + '","kty":"EC","x":"' + jwk.x + '","y":"' + jwk.y + '"}';
        return sha256(encoder.encode(canonical)).then(b64u);
    }

    function generate() {
        return crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']).then(function (pair) {
            return { pair: pair, alg: 'EdDSA' };
        }, function () {
            return crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
                .then(function (pair) { return { pair: pair, alg: 'ES256' }; });
        }).then(function (made) {
            return crypto.subtle.exportKey('jwk', made.pair.publicKey).then(function (exported) {
                var jwk = exported.kty === 'OKP'
                    ? { kty: 'OKP', crv: exported.crv, x: exported.x }
                    : { kty: 'EC', crv: exported.crv, x: exported.x, y: exported.y };
                return thumbprint(jwk).then(function (kid) {
                    return { privateKey: made.pair.privateKey, jwk: jwk, alg: made.alg, kid: kid, seq: -1,
                        registered: false };
                });
            });
        });
    }

    function problemText(response) {
        return response.json().then(function (problem) {
            return problem.detail || problem.title || String(response.status);
        }, function () {
            return String(response.status);
        });
    }

    function register(record) {
        if (record.registered) {
            return Promise.resolve(record);
        }
        return fetch(data.api + '/keys', {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': data.csrf },
            body: JSON.stringify(record.jwk)
        }).then(function (response) {
            if (!response.ok) {
                return problemText(response).then(function (text) { throw new Error(text); });
            }
            record.registered = true;
            say(data.msgRegistered);
            return save(recordName, record);
        });
    }

    function keyRecord() {
        return load(recordName).then(function (found) {
            return found || generate().then(function (made) { return save(recordName, made); });
        });
    }

    function choice() {
        if (data.method === 'yes-no-abstain') {
            var picked = root.querySelector('input[name="choice"]:checked');
            return picked ? { answer: picked.value } : null;
        }
        if (data.method === 'approval') {
            return { approved: Array.prototype.map.call(root.querySelectorAll('input[name="choice"]:checked'),
                function (box) { return box.value; }) };
        }
        var ranked = Array.prototype.filter.call(root.querySelectorAll('input[name="rank"]'), function (input) {
            return input.value !== '';
        }).sort(function (a, b) { return Number(a.value) - Number(b.value); });
        return { ranking: ranked.map(function (input) { return input.dataset.option; }) };
    }

    function sign(record, claims) {
        var header = { alg: record.alg, typ: 'vote+jwt', kid: record.kid };
        var input = b64u(encoder.encode(JSON.stringify(header))) + '.' + b64u(encoder.encode(JSON.stringify(claims)));
        var algorithm = record.alg === 'EdDSA' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' };
        // WebCrypto's ECDSA signature is r||s, exactly the JWS form; Ed25519's is the raw 64 bytes.
        return crypto.subtle.sign(algorithm, record.privateKey, encoder.encode(input)).then(function (signature) {
            return input + '.' + b64u(signature);
        });
    }

    function cast() {
        var chosen = choice();
        if (!chosen) {
            say(data.msgChoose);
            return;
        }
        say(data.msgWorking);
        keyRecord().then(register).then(function (record) {
            var jti = b64u(crypto.getRandomValues(new Uint8Array(18)));
            var seq = record.seq + 1;
            var claims = { aud: data.ballotUri, manifestHash: data.manifestHash, choice: chosen, jti: jti,
                iat: Math.floor(Date.now() / 1000), seq: seq };
            var vote;
            return sign(record, claims).then(function (compact) {
                vote = compact;
                return fetch(data.api + '/votes', {
                    method: 'POST',
                    credentials: 'same-origin',
                    headers: { 'Content-Type': 'application/jose' },
                    body: compact
                });
            }).then(function (response) {
                if (!response.ok) {
                    return problemText(response).then(function (text) { throw new Error(text); });
                }
                return response.json().then(function (receipt) {
                    record.seq = seq;
                    record.receipt = receipt;
                    record.vote = vote;
                    return save(recordName, record).then(function () { show(receipt, seq, vote); });
                });
            });
        }).catch(function (error) {
            say(error && error.message ? error.message : String(error));
        });
    }

    // Shows the receipt, then says whether it checks out (receipt-verified: true, false or unknown).
    function show(receipt, seq, vote) {
        var box = document.getElementById('receipt');
        box.hidden = false;
        box.dataset.verified = '';
        document.getElementById('receipt-ballot-id').textContent = receipt.ballotId;
        document.getElementById('receipt-leaf-index').textContent = String(receipt.leafIndex);
        document.getElementById('receipt-seq').textContent = String(seq);
        document.getElementById('receipt-jws').value = receipt.receipt;
        document.getElementById('inclusion').textContent = '';
        return receiptChecks(receipt, vote).then(function (good) {
            box.dataset.verified = String(good);
            say(good ? data.msgCast : data.msgReceiptBad);
        }, function () {
            box.dataset.verified = 'unknown';
            say(data.msgNoVerify);
        });
    }

    // RFC 9162 section 2.1.3.2: recompute the root from the leaf and its audit path.
    function verifyInclusion(ballotId, proof) {
        var leaf = concat([new Uint8Array([0]), fromB64u(ballotId)]);
        return sha256(leaf).then(function (start) {
            var fn = proof.leafIndex;
            var sn = proof.treeSize - 1;
            var chain = Promise.resolve(start);
            var ok = true;
            proof.auditPath.forEach(function (sibling) {
                chain = chain.then(function (r) {
                    if (sn === 0) {
                        ok = false;
                        return r;
                    }
                    var p = fromB64u(sibling);
                    var next;
                    if (fn % 2 === 1 || fn === sn) {
                        next = sha256(concat([new Uint8Array([1]), p, r]));
                        if (fn % 2 === 0) {
                            while (fn % 2 === 0 && fn !== 0) {
                                fn = Math.floor(fn / 2);
                                sn = Math.floor(sn / 2);
                            }
                        }
                    } else {
                        next = sha256(concat([new Uint8Array([1]), r, p]));
                    }
                    fn = Math.floor(fn / 2);
                    sn = Math.floor(sn / 2);
                    return next;
                });
            });
            return chain.then(function (root) {
                return ok && sn === 0 && b64u(root) === proof.rootHash;
            });
        });
    }

    function checkInclusion() {
        var ballotId = document.getElementById('receipt-ballot-id').textContent;
        var line = document.getElementById('inclusion');
        fetch(data.api + '/inclusion-proofs/' + encodeURIComponent(ballotId), { credentials: 'same-origin' })
            .then(function (response) {
                if (!response.ok) {
                    return problemText(response).then(function (text) { throw new Error(text); });
                }
                return response.json();
            }).then(function (proof) {
                // The recomputed root must be the one in a tree head the foundation signed for this ballot.
                return Promise.all([verifyInclusion(ballotId, proof), serverClaims(proof.treeHead, 'tree-head+jwt')])
                    .then(function (both) {
                        var head = both[1];
                        var included = both[0] && !!head && head.ballot === data.ballotUri
                            && head.rootHash === proof.rootHash && head.treeSize === proof.treeSize;
                        line.dataset.included = String(included);
                        line.textContent = included
                            ? data.msgIncluded.replace('{0}', String(proof.leafIndex)).replace('{1}', String(proof.treeSize))
                            : data.msgNotIncluded;
                    });
            }).catch(function (error) {
                line.dataset.included = 'false';
                var message = error && error.message ? error.message : String(error);
                line.textContent = message === 'no-verify' ? data.msgNoVerify : message;
            });
    }

    if (!window.crypto || !crypto.subtle || !window.indexedDB) {
        say(data.msgNoCrypto);
        return;
    }
    document.getElementById('cast').addEventListener('click', cast);
    document.getElementById('check-inclusion').addEventListener('click', checkInclusion);
    load(recordName).then(function (record) {
        if (record && record.receipt) {
            show(record.receipt, record.seq, record.vote);
        }
    });
}());
