"""Django's Redis cache backend, keeping one client object per connection pool.

Django's RedisCacheClient makes a new redis.Redis object for every cache call; its
constructor fills a table of some 170 response callbacks, about 65 µs of CPU here,
more than the call itself (a page-cache hit is one or two calls, and a whitenoise
static file costs 80 µs in all). redis.Redis objects are safe to share: each call
takes a connection from the pool, and the pool notices a fork (gunicorn).
"""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
