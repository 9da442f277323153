# Runs temporal-config/setup-cluster.sh (namespace + search attributes from the one list) against a cluster:
# the compose stack's `temporal-setup` service and the Kubernetes Job k8s/temporal-setup-job.yaml use this image.
#   docker build -f deploy/cluster-setup.Dockerfile -t cancelworkflows-cluster-setup .
# The script is bash; the admin-tools image (Alpine, busybox sh) has none, so its `temporal` CLI is copied into the
# official bash image instead.
ARG TEMPORAL_ADMINTOOLS_VERSION=1.31.2
FROM temporalio/admin-tools:${TEMPORAL_ADMINTOOLS_VERSION} AS tools

FROM bash:5.2
COPY --from=tools /usr/local/bin/temporal /usr/local/bin/temporal
COPY temporal-config/setup-cluster.sh temporal-config/search-attributes.txt /temporal-config/
# Any non-root user: the script only talks to the Temporal frontend.
USER 65532:65532
ENTRYPOINT ["bash", "/temporal-config/setup-cluster.sh"]
