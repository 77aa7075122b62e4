{{- define "bulwark.name" -}}{{ .Release.Name | trunc 40 | trimSuffix "-" }}{{- end -}}

{{- define "bulwark.labels" -}}
app.kubernetes.io/name: bulwark
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{- define "bulwark.selector" -}}
app.kubernetes.io/name: bulwark
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "bulwark.image" -}}
{{- if not .Values.image.digest }}{{ fail "image.digest is required: Bulwark's own checks flag images not pinned by digest" }}{{ end -}}
{{ .Values.image.repository }}:{{ .Values.image.tag }}@{{ .Values.image.digest }}
{{- end -}}

{{- define "bulwark.externalDb" -}}{{ or .Values.database.url .Values.database.existingSecret }}{{- end -}}
{{- define "bulwark.embeddedDb" -}}{{ and .Values.database.embedded.enabled (not (include "bulwark.externalDb" .)) }}{{- end -}}

{{- define "bulwark.appSecretName" -}}{{ .Values.appSecrets.existingSecret | default (printf "%s-app" (include "bulwark.name" .)) }}{{- end -}}
{{- define "bulwark.dbSecretName" -}}{{ .Values.database.existingSecret | default (printf "%s-database" (include "bulwark.name" .)) }}{{- end -}}

{{/* Restricted under Pod Security Standards, read-only root filesystem. */}}
{{- define "bulwark.podSecurity" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
fsGroup: 65532
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "bulwark.containerSecurity" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "bulwark.env" -}}
- name: NODE_ENV
  value: production
- name: HOST
  value: "0.0.0.0"
- name: PORT
  value: {{ .Values.web.port | quote }}
- name: LOG_LEVEL
  value: {{ .Values.logLevel | quote }}
- name: BULWARK_DATA_DIR
  value: /var/lib/bulwark
{{- with .Values.url }}
- name: BULWARK_URL
  value: {{ . | quote }}
{{- end }}
# Secrets are files (BULWARK_SECRETS_DIR, one file per variable), never environment variables.
- name: BULWARK_SECRETS_DIR
  value: /var/run/secrets/bulwark
{{- if .Values.oidc.enabled }}
- name: BULWARK_OIDC_ISSUER
  value: {{ required "oidc.issuer is required when oidc.enabled" .Values.oidc.issuer | quote }}
- name: BULWARK_OIDC_CLIENT_ID
  value: {{ required "oidc.clientId is required when oidc.enabled" .Values.oidc.clientId | quote }}
- name: BULWARK_OIDC_NAME
  value: {{ .Values.oidc.name | quote }}
- name: BULWARK_OIDC_ROLE_CLAIM
  value: {{ .Values.oidc.roleClaim | quote }}
- name: BULWARK_OIDC_ROLE_MAP
  value: {{ .Values.oidc.roleMap | quote }}
- name: BULWARK_OIDC_DEFAULT_ROLE
  value: {{ .Values.oidc.defaultRole | quote }}
{{- end }}
{{- end -}}

{{/* Egress every Bulwark process needs: DNS and the database. */}}
{{- define "bulwark.egressBase" -}}
- to:
    - namespaceSelector:
        matchLabels: { kubernetes.io/metadata.name: {{ .Values.networkPolicy.dns.namespace }} }
      podSelector:
        matchLabels: {{- toYaml .Values.networkPolicy.dns.podLabels | nindent 10 }}
  ports:
    - { protocol: UDP, port: 53 }
    - { protocol: TCP, port: 53 }
{{- if eq (include "bulwark.embeddedDb" .) "true" }}
- to:
    - podSelector:
        matchLabels: {{- include "bulwark.selector" (dict "root" . "component" "database") | nindent 10 }}
  ports:
    - { protocol: TCP, port: 5432 }
{{- else }}
- to:
    - ipBlock: { cidr: {{ required "database.cidr is required with an external database (NetworkPolicy egress)" .Values.database.cidr }} }
  ports:
    - { protocol: TCP, port: {{ .Values.database.port }} }
{{- end }}
{{- with (include "bulwark.apiServerCidrs" . | fromYamlArray) }}
- to:
    {{- range . }}
    - ipBlock: { cidr: {{ . }} }
    {{- end }}
  ports:
    - { protocol: TCP, port: {{ $.Values.networkPolicy.apiServerPort }} }
{{- end }}
{{- with .Values.networkPolicy.webhookCidrs }}
- to:
    {{- range . }}
    - ipBlock: { cidr: {{ . }} }
    {{- end }}
  ports:
    - { protocol: TCP, port: 443 }
{{- end }}
{{- end -}}

{{- define "bulwark.podCommon" -}}
securityContext: {{- include "bulwark.podSecurity" . | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets: {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.nodeSelector }}
nodeSelector: {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations: {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}


{{/* The Secrets a Bulwark process reads, as files named after the variables they set. */}}
{{- define "bulwark.secretsVolume" -}}
- name: secrets
  projected:
    defaultMode: 0440
    sources:
      - secret:
          name: {{ include "bulwark.dbSecretName" .root }}
          items:
            - key: {{ if .root.Values.database.existingSecret }}{{ .root.Values.database.existingSecretKey }}{{ else }}DATABASE_URL{{ end }}
              path: DATABASE_URL
      - secret:
          name: {{ include "bulwark.appSecretName" .root }}
          items:
            - { key: BETTER_AUTH_SECRET, path: BETTER_AUTH_SECRET }
            - { key: BULWARK_SECRET_KEY, path: BULWARK_SECRET_KEY }
      {{- if .root.Values.oidc.enabled }}
      - secret:
          name: {{ required "oidc.clientSecret.existingSecret is required when oidc.enabled" .root.Values.oidc.clientSecret.existingSecret }}
          items:
            - { key: {{ .root.Values.oidc.clientSecret.key }}, path: BULWARK_OIDC_CLIENT_SECRET }
      {{- end }}
      {{- if and .web .root.Values.firstAdmin.existingSecret }}
      - secret:
          name: {{ .root.Values.firstAdmin.existingSecret }}
          items:
            - { key: email, path: BULWARK_ADMIN_EMAIL }
            - { key: password, path: BULWARK_ADMIN_PASSWORD }
      {{- end }}
{{- end -}}

{{- define "bulwark.namespace" -}}namespace: {{ .Release.Namespace }}{{- end -}}


{{/*
The API server's addresses: networkPolicy.apiServerCidrs, else (at install, when Helm can read
the cluster) the endpoints of the default/kubernetes Service. `helm template` sees no cluster:
then set the value.
*/}}
{{- define "bulwark.apiServerCidrs" -}}
{{- if .Values.networkPolicy.apiServerCidrs }}
{{- toYaml .Values.networkPolicy.apiServerCidrs }}
{{- else }}
{{- $cidrs := list }}
{{- $ep := lookup "v1" "Endpoints" "default" "kubernetes" }}
{{- range ($ep.subsets | default list) }}{{ range (.addresses | default list) }}{{ $cidrs = append $cidrs (printf "%s/32" .ip) }}{{ end }}{{ end }}
{{- toYaml $cidrs }}
{{- end }}
{{- end -}}
