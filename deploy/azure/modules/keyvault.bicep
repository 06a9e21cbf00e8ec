// Key Vault (RBAC authorization) holding the web app's secrets; the managed identity may read them.

param name string
param location string
@description('The managed identity that reads the secrets (Key Vault Secrets User).')
param readerPrincipalId string
@description('A user who may write secrets, e.g. the Slack credentials (Key Vault Secrets Officer); empty: none.')
param adminPrincipalId string
@secure()
param databaseConnectionString string
@secure()
param adminApiKey string

var secretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6' // Key Vault Secrets User
var secretsOfficerRole = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7' // Key Vault Secrets Officer

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    // Lets a deployment read the Slack secrets (main.bicep, getSecret) for the Slack channel.
    enabledForTemplateDeployment: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource databaseSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'coachbot-database'
  properties: {
    value: databaseConnectionString
    contentType: 'Npgsql connection string'
  }
}

resource adminApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'coachbot-admin-api-key'
  properties: {
    value: adminApiKey
  }
}

resource readerRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, readerPrincipalId, secretsUserRole)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRole)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource adminRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(adminPrincipalId)) {
  scope: vault
  name: guid(vault.id, adminPrincipalId, secretsOfficerRole)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficerRole)
    principalId: adminPrincipalId
    principalType: 'User'
  }
}

// Versionless addresses: App Service follows the latest version of each secret.
output databaseConnectionStringUri string = databaseSecret.properties.secretUri
output adminApiKeyUri string = adminApiKeySecret.properties.secretUri
